using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LiaisonSite.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddTalksAndOutreach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Opinions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    RightsComplaint = table.Column<bool>(type: "boolean", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RepliedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opinions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutreachIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BranchId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    StartTime = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    EndTime = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OpenItems = table.Column<int>(type: "integer", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachIndex", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonnelEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonnelEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonnelEvents_MassPersons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "MassPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TalkIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Occasion = table.Column<int>(type: "integer", nullable: false),
                    Sensitive = table.Column<bool>(type: "boolean", nullable: false),
                    OpenFollowUps = table.Column<int>(type: "integer", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalkIndex", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalkReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalkReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalkObligations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Occasion = table.Column<int>(type: "integer", nullable: false),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TalkContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: true),
                    ClosedDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalkObligations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TalkObligations_MassPersons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "MassPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TalkObligations_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TalkObligations_PersonnelEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "PersonnelEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_CodeHash",
                table: "Opinions",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_Status_CreatedUtc",
                table: "Opinions",
                columns: new[] { "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachIndex_BranchId_Latest",
                table: "OutreachIndex",
                columns: new[] { "BranchId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachIndex_ContentItemId",
                table: "OutreachIndex",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachIndex_ContentItemVersionId",
                table: "OutreachIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachIndex_ContentType_Published_Date",
                table: "OutreachIndex",
                columns: new[] { "ContentType", "Published", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachIndex_MemberId_Latest",
                table: "OutreachIndex",
                columns: new[] { "MemberId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelEvents_BranchId_Date",
                table: "PersonnelEvents",
                columns: new[] { "BranchId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonnelEvents_PersonId",
                table: "PersonnelEvents",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TalkIndex_BranchId_Latest",
                table: "TalkIndex",
                columns: new[] { "BranchId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkIndex_ContentItemId",
                table: "TalkIndex",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_TalkIndex_ContentItemVersionId",
                table: "TalkIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_TalkIndex_MemberId_Latest",
                table: "TalkIndex",
                columns: new[] { "MemberId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkIndex_PersonId_Latest",
                table: "TalkIndex",
                columns: new[] { "PersonId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkObligations_BranchId_ClosedDate",
                table: "TalkObligations",
                columns: new[] { "BranchId", "ClosedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkObligations_EventId_MemberId",
                table: "TalkObligations",
                columns: new[] { "EventId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalkObligations_MemberId_ClosedDate",
                table: "TalkObligations",
                columns: new[] { "MemberId", "ClosedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkObligations_PersonId",
                table: "TalkObligations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TalkReminders_ItemKey_Day",
                table: "TalkReminders",
                columns: new[] { "ItemKey", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Opinions");

            migrationBuilder.DropTable(
                name: "OutreachIndex");

            migrationBuilder.DropTable(
                name: "TalkIndex");

            migrationBuilder.DropTable(
                name: "TalkObligations");

            migrationBuilder.DropTable(
                name: "TalkReminders");

            migrationBuilder.DropTable(
                name: "PersonnelEvents");
        }
    }
}
