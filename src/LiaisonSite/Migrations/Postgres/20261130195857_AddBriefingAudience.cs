using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LiaisonSite.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddBriefingAudience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BriefingIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    SignedInOnly = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingIndex", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingIndex_ContentItemVersionId",
                table: "BriefingIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingIndex_Published_SignedInOnly",
                table: "BriefingIndex",
                columns: new[] { "Published", "SignedInOnly" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BriefingIndex");
        }
    }
}
