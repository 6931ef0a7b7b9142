using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddContentItemIdentities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentItemIdentities",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentItemIdentities", x => x.ContentItemId);
                });

            // Sites already hold items: every id used so far keeps the type and owner of its first version.
            migrationBuilder.Sql(
                """
                INSERT INTO "ContentItemIdentities" ("ContentItemId", "ContentType", "Owner", "CreatedUtc")
                SELECT c."ContentItemId", c."ContentType", COALESCE(c."Owner", ''), COALESCE(c."CreatedUtc", c."ModifiedUtc", CURRENT_TIMESTAMP)
                FROM "ContentItems" c
                WHERE c."Id" = (SELECT MIN(f."Id") FROM "ContentItems" f WHERE f."ContentItemId" = c."ContentItemId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentItemIdentities");
        }
    }
}
