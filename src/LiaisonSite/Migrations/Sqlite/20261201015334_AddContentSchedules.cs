using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddContentSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    PublishUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnpublishUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScheduledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ScheduledUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentSchedules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentSchedules_ContentItemId",
                table: "ContentSchedules",
                column: "ContentItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentSchedules_PublishUtc",
                table: "ContentSchedules",
                column: "PublishUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ContentSchedules_UnpublishUtc",
                table: "ContentSchedules",
                column: "UnpublishUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentSchedules");
        }
    }
}
