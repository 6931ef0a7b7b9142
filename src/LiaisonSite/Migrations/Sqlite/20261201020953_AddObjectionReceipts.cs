using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddObjectionReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Receipt",
                table: "Objections",
                type: "TEXT",
                maxLength: 19,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objections_Receipt",
                table: "Objections",
                column: "Receipt",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Objections_Receipt",
                table: "Objections");

            migrationBuilder.DropColumn(
                name: "Receipt",
                table: "Objections");
        }
    }
}
