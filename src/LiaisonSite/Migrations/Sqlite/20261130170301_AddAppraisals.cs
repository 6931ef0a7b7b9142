using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAppraisals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppraisalCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BranchId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OpensUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NoticeContentItemId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                    FeedbackRequired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalBallots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalBallots_AppraisalCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AppraisalCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppraisalBallots_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppraisalVoters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Used = table.Column<bool>(type: "INTEGER", nullable: false),
                    Delivery = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisalVoters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisalVoters_AppraisalCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AppraisalCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppraisalVoters_MassPersons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "MassPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppraisalVoters_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppraisedMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfAssessment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppraisedMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppraisedMembers_AppraisalCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AppraisalCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppraisedMembers_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalBallots_CampaignId_MemberId",
                table: "AppraisalBallots",
                columns: new[] { "CampaignId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalBallots_MemberId",
                table: "AppraisalBallots",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalCampaigns_BranchId_Year",
                table: "AppraisalCampaigns",
                columns: new[] { "BranchId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalCampaigns_ClosesUtc",
                table: "AppraisalCampaigns",
                column: "ClosesUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalVoters_CampaignId_MemberId",
                table: "AppraisalVoters",
                columns: new[] { "CampaignId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalVoters_CampaignId_PersonId",
                table: "AppraisalVoters",
                columns: new[] { "CampaignId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalVoters_MemberId",
                table: "AppraisalVoters",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalVoters_PersonId",
                table: "AppraisalVoters",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AppraisalVoters_TokenHash",
                table: "AppraisalVoters",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppraisedMembers_CampaignId_MemberId",
                table: "AppraisedMembers",
                columns: new[] { "CampaignId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppraisedMembers_MemberId",
                table: "AppraisedMembers",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppraisalBallots");

            migrationBuilder.DropTable(
                name: "AppraisalVoters");

            migrationBuilder.DropTable(
                name: "AppraisedMembers");

            migrationBuilder.DropTable(
                name: "AppraisalCampaigns");
        }
    }
}
