using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Sensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactIndex", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentContentItemId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContentItemVersionId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationIndex", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataAccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                    Category = table.Column<int>(type: "INTEGER", nullable: true),
                    BranchId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MassPersons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Post = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ClassName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    BranchId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    IdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MassPersons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MassPersons_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PartyMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    BranchId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: true),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PartyPost = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IsLeadingCadre = table.Column<bool>(type: "INTEGER", nullable: false),
                    CadrePost = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ResponsibilityArea = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyMembers_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CadreVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WhatWasDone = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProblemsFound = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FollowUpClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadreVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CadreVisits_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CadreVisits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactPoints_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactPoints_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PairExclusions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BranchId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PairExclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PairExclusions_MassPersons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "MassPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PairExclusions_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Pairs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Term = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BranchId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConfirmedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pairs_MassPersons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "MassPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Pairs_PartyMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CadreVisits_MemberId_Date",
                table: "CadreVisits",
                columns: new[] { "MemberId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CadreVisits_UnitId",
                table: "CadreVisits",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactIndex_BranchId_Latest",
                table: "ContactIndex",
                columns: new[] { "BranchId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactIndex_ContentItemId",
                table: "ContactIndex",
                column: "ContentItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactIndex_ContentItemVersionId",
                table: "ContactIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactIndex_MemberId_Latest",
                table: "ContactIndex",
                columns: new[] { "MemberId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactIndex_PersonId_Latest",
                table: "ContactIndex",
                columns: new[] { "PersonId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPoints_MemberId_Kind",
                table: "ContactPoints",
                columns: new[] { "MemberId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPoints_UnitId",
                table: "ContactPoints",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MassPersons_BranchId_Active",
                table: "MassPersons",
                columns: new[] { "BranchId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_MassPersons_Kind_Number",
                table: "MassPersons",
                columns: new[] { "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MassPersons_UnitId",
                table: "MassPersons",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationIndex_ContentItemId_Published",
                table: "OrganizationIndex",
                columns: new[] { "ContentItemId", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationIndex_ContentItemVersionId",
                table: "OrganizationIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationIndex_Kind_Published",
                table: "OrganizationIndex",
                columns: new[] { "Kind", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_PairExclusions_MemberId_PersonId",
                table: "PairExclusions",
                columns: new[] { "MemberId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PairExclusions_PersonId",
                table: "PairExclusions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Pairs_BranchId_Term_Status",
                table: "Pairs",
                columns: new[] { "BranchId", "Term", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Pairs_MemberId_Term",
                table: "Pairs",
                columns: new[] { "MemberId", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_Pairs_PersonId_Term",
                table: "Pairs",
                columns: new[] { "PersonId", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_BranchId_Active",
                table: "PartyMembers",
                columns: new[] { "BranchId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_Number",
                table: "PartyMembers",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_UnitId",
                table: "PartyMembers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_UserName",
                table: "PartyMembers",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccessLog_PersonId_Utc",
                table: "PersonalDataAccessLog",
                columns: new[] { "PersonId", "Utc" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccessLog_UserName_Utc",
                table: "PersonalDataAccessLog",
                columns: new[] { "UserName", "Utc" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccessLog_Utc",
                table: "PersonalDataAccessLog",
                column: "Utc");

            migrationBuilder.CreateIndex(
                name: "IX_Units_Name",
                table: "Units",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CadreVisits");

            migrationBuilder.DropTable(
                name: "ContactIndex");

            migrationBuilder.DropTable(
                name: "ContactPoints");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "OrganizationIndex");

            migrationBuilder.DropTable(
                name: "PairExclusions");

            migrationBuilder.DropTable(
                name: "Pairs");

            migrationBuilder.DropTable(
                name: "PersonalDataAccessLog");

            migrationBuilder.DropTable(
                name: "MassPersons");

            migrationBuilder.DropTable(
                name: "PartyMembers");

            migrationBuilder.DropTable(
                name: "Units");
        }
    }
}
