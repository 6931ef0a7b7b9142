using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddMemberTalkPartners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "PersonId",
                table: "TalkObligations",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "EventId",
                table: "TalkObligations",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "PartnerMemberId",
                table: "TalkObligations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "TalkObligations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PartnerMemberId",
                table: "TalkIndex",
                type: "integer",
                nullable: true);

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
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "EventId",
                table: "TalkObligations",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
