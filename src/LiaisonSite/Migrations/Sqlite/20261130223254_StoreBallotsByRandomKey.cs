using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoreBallotsByRandomKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Ballot rows must not be stored in voting order (issue 13). A rowid table keeps them in insertion order and
            // its rowid counts the inserts; EF Core has no option for WITHOUT ROWID, so the table is rebuilt here by hand.
            // The model is unchanged (the snapshot too); a later migration that rebuilds this table must keep WITHOUT ROWID.
            // The ballots move into a table of the same shape stored in the B-tree of their random key (WITHOUT ROWID).
            migrationBuilder.Sql(""""
                CREATE TABLE "AppraisalBallots_new" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalBallots" PRIMARY KEY,
                    "CampaignId" INTEGER NOT NULL,
                    "MemberId" INTEGER NOT NULL,
                    "Rating" INTEGER NOT NULL,
                    "Comment" TEXT NULL,
                    "Day" TEXT NOT NULL,
                    CONSTRAINT "FK_AppraisalBallots_AppraisalCampaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "AppraisalCampaigns" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_AppraisalBallots_PartyMembers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "PartyMembers" ("Id") ON DELETE RESTRICT
                ) WITHOUT ROWID;
                """");
            migrationBuilder.Sql("""
                INSERT INTO "AppraisalBallots_new" ("Id", "CampaignId", "MemberId", "Rating", "Comment", "Day")
                SELECT "Id", "CampaignId", "MemberId", "Rating", "Comment", "Day" FROM "AppraisalBallots" ORDER BY "Id";
                """);
            migrationBuilder.Sql("""DROP TABLE "AppraisalBallots";""");
            migrationBuilder.Sql("""ALTER TABLE "AppraisalBallots_new" RENAME TO "AppraisalBallots";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_AppraisalBallots_CampaignId_MemberId" ON "AppraisalBallots" ("CampaignId", "MemberId");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_AppraisalBallots_MemberId" ON "AppraisalBallots" ("MemberId");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The ballots move into a table of the same shape with a rowid (as before).
            migrationBuilder.Sql(""""
                CREATE TABLE "AppraisalBallots_new" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_AppraisalBallots" PRIMARY KEY,
                    "CampaignId" INTEGER NOT NULL,
                    "MemberId" INTEGER NOT NULL,
                    "Rating" INTEGER NOT NULL,
                    "Comment" TEXT NULL,
                    "Day" TEXT NOT NULL,
                    CONSTRAINT "FK_AppraisalBallots_AppraisalCampaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "AppraisalCampaigns" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_AppraisalBallots_PartyMembers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "PartyMembers" ("Id") ON DELETE RESTRICT
                );
                """");
            migrationBuilder.Sql("""
                INSERT INTO "AppraisalBallots_new" ("Id", "CampaignId", "MemberId", "Rating", "Comment", "Day")
                SELECT "Id", "CampaignId", "MemberId", "Rating", "Comment", "Day" FROM "AppraisalBallots" ORDER BY "Id";
                """);
            migrationBuilder.Sql("""DROP TABLE "AppraisalBallots";""");
            migrationBuilder.Sql("""ALTER TABLE "AppraisalBallots_new" RENAME TO "AppraisalBallots";""");
            migrationBuilder.Sql("""CREATE INDEX "IX_AppraisalBallots_CampaignId_MemberId" ON "AppraisalBallots" ("CampaignId", "MemberId");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_AppraisalBallots_MemberId" ON "AppraisalBallots" ("MemberId");""");
        }
    }
}
