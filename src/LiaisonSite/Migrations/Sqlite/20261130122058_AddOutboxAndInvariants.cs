using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddOutboxAndInvariants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing data that breaks the new unique indexes is repaired first (hand-written SQL).
            ContentVersionRepair.Apply(migrationBuilder, postgres: false);

            migrationBuilder.DropForeignKey(
                name: "FK_PairExclusions_MassPersons_PersonId",
                table: "PairExclusions");

            migrationBuilder.DropForeignKey(
                name: "FK_PairExclusions_PartyMembers_MemberId",
                table: "PairExclusions");

            migrationBuilder.DropForeignKey(
                name: "FK_Pairs_MassPersons_PersonId",
                table: "Pairs");

            migrationBuilder.DropForeignKey(
                name: "FK_Pairs_PartyMembers_MemberId",
                table: "Pairs");

            migrationBuilder.CreateTable(
                name: "HandledEvents",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HandledUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandledEvents", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "OutboxEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DispatchedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentItemId_Latest",
                table: "ContentItems",
                column: "ContentItemId",
                unique: true,
                filter: "\"Latest\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentItemId_Published",
                table: "ContentItems",
                column: "ContentItemId",
                unique: true,
                filter: "\"Published\"");

            migrationBuilder.CreateIndex(
                name: "IX_HandledEvents_HandledUtc",
                table: "HandledEvents",
                column: "HandledUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEvents_DispatchedUtc_NextAttemptUtc",
                table: "OutboxEvents",
                columns: new[] { "DispatchedUtc", "NextAttemptUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_PairExclusions_MassPersons_PersonId",
                table: "PairExclusions",
                column: "PersonId",
                principalTable: "MassPersons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PairExclusions_PartyMembers_MemberId",
                table: "PairExclusions",
                column: "MemberId",
                principalTable: "PartyMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Pairs_MassPersons_PersonId",
                table: "Pairs",
                column: "PersonId",
                principalTable: "MassPersons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Pairs_PartyMembers_MemberId",
                table: "Pairs",
                column: "MemberId",
                principalTable: "PartyMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PairExclusions_MassPersons_PersonId",
                table: "PairExclusions");

            migrationBuilder.DropForeignKey(
                name: "FK_PairExclusions_PartyMembers_MemberId",
                table: "PairExclusions");

            migrationBuilder.DropForeignKey(
                name: "FK_Pairs_MassPersons_PersonId",
                table: "Pairs");

            migrationBuilder.DropForeignKey(
                name: "FK_Pairs_PartyMembers_MemberId",
                table: "Pairs");

            migrationBuilder.DropTable(
                name: "HandledEvents");

            migrationBuilder.DropTable(
                name: "OutboxEvents");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentItemId_Latest",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentItemId_Published",
                table: "ContentItems");

            migrationBuilder.AddForeignKey(
                name: "FK_PairExclusions_MassPersons_PersonId",
                table: "PairExclusions",
                column: "PersonId",
                principalTable: "MassPersons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PairExclusions_PartyMembers_MemberId",
                table: "PairExclusions",
                column: "MemberId",
                principalTable: "PartyMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Pairs_MassPersons_PersonId",
                table: "Pairs",
                column: "PersonId",
                principalTable: "MassPersons",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Pairs_PartyMembers_MemberId",
                table: "Pairs",
                column: "MemberId",
                principalTable: "PartyMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
