using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoreBallotsByRandomKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Ballot rows must not be stored in voting order (issue 13). PostgreSQL's heap keeps insertion order, so the
            // table is rewritten in the order of its random key now, and again by the Appraisals.BallotOrder job while a
            // campaign is open. The model is unchanged.
            migrationBuilder.Sql("""CLUSTER "AppraisalBallots" USING "PK_AppraisalBallots";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "AppraisalBallots" SET WITHOUT CLUSTER;""");
        }
    }
}
