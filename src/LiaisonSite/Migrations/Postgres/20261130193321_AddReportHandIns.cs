using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddReportHandIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HandIns",
                table: "QuarterlyReportIndex",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Before this column every saved report was handed in (a save started the review): count it once.
            migrationBuilder.Sql("UPDATE \"QuarterlyReportIndex\" SET \"HandIns\" = 1 WHERE \"FirstSubmittedUtc\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HandIns",
                table: "QuarterlyReportIndex");
        }
    }
}
