using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LiaisonSite.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BranchId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    HalfYear = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: false),
                    Findings = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    SavedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SavedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuarterlyReportIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    FirstSubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    Latest = table.Column<bool>(type: "boolean", nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterlyReportIndex", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportReminders",
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
                    table.PrimaryKey("PK_ReportReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RectificationItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InspectionId = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    ClosingNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationItems_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_BranchId_HalfYear",
                table: "Inspections",
                columns: new[] { "BranchId", "HalfYear" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReportIndex_BranchId_Quarter_Latest",
                table: "QuarterlyReportIndex",
                columns: new[] { "BranchId", "Quarter", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReportIndex_ContentItemId",
                table: "QuarterlyReportIndex",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReportIndex_ContentItemVersionId",
                table: "QuarterlyReportIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterlyReportIndex_MemberId_Quarter_Latest",
                table: "QuarterlyReportIndex",
                columns: new[] { "MemberId", "Quarter" },
                unique: true,
                filter: "\"Latest\"");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_BranchId_Closed",
                table: "RectificationItems",
                columns: new[] { "BranchId", "Closed" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationItems_InspectionId",
                table: "RectificationItems",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportReminders_ItemKey_Day",
                table: "ReportReminders",
                columns: new[] { "ItemKey", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuarterlyReportIndex");

            migrationBuilder.DropTable(
                name: "RectificationItems");

            migrationBuilder.DropTable(
                name: "ReportReminders");

            migrationBuilder.DropTable(
                name: "Inspections");
        }
    }
}
