using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    SignedInOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false)
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
