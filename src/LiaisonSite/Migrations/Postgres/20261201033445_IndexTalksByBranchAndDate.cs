using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndexTalksByBranchAndDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TalkIndex_BranchId_Latest",
                table: "TalkIndex");

            migrationBuilder.CreateIndex(
                name: "IX_TalkIndex_BranchByDate",
                table: "TalkIndex",
                columns: new[] { "BranchId", "Date", "Latest", "MemberId", "Occasion", "PersonId", "OpenFollowUps" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TalkIndex_BranchByDate",
                table: "TalkIndex");

            migrationBuilder.CreateIndex(
                name: "IX_TalkIndex_BranchId_Latest",
                table: "TalkIndex",
                columns: new[] { "BranchId", "Latest" });
        }
    }
}
