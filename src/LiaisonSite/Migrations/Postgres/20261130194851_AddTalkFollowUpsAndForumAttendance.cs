using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LiaisonSite.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddTalkFollowUpsAndForumAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ForumAttendanceIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Host = table.Column<bool>(type: "boolean", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumAttendanceIndex", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TalkFollowUps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    FollowUpId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    TalkDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TalkFollowUps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ForumAttendanceIndex_BranchId_Latest_Date",
                table: "ForumAttendanceIndex",
                columns: new[] { "BranchId", "Latest", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ForumAttendanceIndex_ContentItemVersionId",
                table: "ForumAttendanceIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumAttendanceIndex_MemberId_Latest_Date",
                table: "ForumAttendanceIndex",
                columns: new[] { "MemberId", "Latest", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkFollowUps_BranchId_ClosedDate",
                table: "TalkFollowUps",
                columns: new[] { "BranchId", "ClosedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkFollowUps_ContentItemId_FollowUpId",
                table: "TalkFollowUps",
                columns: new[] { "ContentItemId", "FollowUpId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TalkFollowUps_MemberId_ClosedDate",
                table: "TalkFollowUps",
                columns: new[] { "MemberId", "ClosedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TalkFollowUps_MemberId_TalkDate",
                table: "TalkFollowUps",
                columns: new[] { "MemberId", "TalkDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ForumAttendanceIndex");

            migrationBuilder.DropTable(
                name: "TalkFollowUps");
        }
    }
}
