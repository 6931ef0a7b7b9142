using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddBriefingAudienceAndMemberTalkPartners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "PersonId",
                table: "TalkObligations",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<int>(
                name: "EventId",
                table: "TalkObligations",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "PartnerMemberId",
                table: "TalkObligations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "TalkObligations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PartnerMemberId",
                table: "TalkIndex",
                type: "INTEGER",
                nullable: true);

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
                name: "IX_TalkObligations_PartnerMemberId",
                table: "TalkObligations",
                column: "PartnerMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_TalkObligations_Source_PartnerMemberId",
                table: "TalkObligations",
                columns: new[] { "Source", "PartnerMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkIndex_PartnerMemberId_Latest",
                table: "TalkIndex",
                columns: new[] { "PartnerMemberId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingIndex_ContentItemVersionId",
                table: "BriefingIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingIndex_Published_SignedInOnly",
                table: "BriefingIndex",
                columns: new[] { "Published", "SignedInOnly" });

            migrationBuilder.AddForeignKey(
                name: "FK_TalkObligations_PartyMembers_PartnerMemberId",
                table: "TalkObligations",
                column: "PartnerMemberId",
                principalTable: "PartyMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TalkObligations_PartyMembers_PartnerMemberId",
                table: "TalkObligations");

            migrationBuilder.DropTable(
                name: "BriefingIndex");

            migrationBuilder.DropIndex(
                name: "IX_TalkObligations_PartnerMemberId",
                table: "TalkObligations");

            migrationBuilder.DropIndex(
                name: "IX_TalkObligations_Source_PartnerMemberId",
                table: "TalkObligations");

            migrationBuilder.DropIndex(
                name: "IX_TalkIndex_PartnerMemberId_Latest",
                table: "TalkIndex");

            migrationBuilder.DropColumn(
                name: "PartnerMemberId",
                table: "TalkObligations");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "TalkObligations");

            migrationBuilder.DropColumn(
                name: "PartnerMemberId",
                table: "TalkIndex");

            migrationBuilder.AlterColumn<int>(
                name: "PersonId",
                table: "TalkObligations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "EventId",
                table: "TalkObligations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
