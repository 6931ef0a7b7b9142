using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IndexAutoroutePathsIgnoringCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Paths are matched ignoring case (lower("Path") = @path: the public address lookup and the check that a
            // path is free), which no plain index serves: every lookup scanned the table, and a Content recipe step
            // slowed down as it grew. EF Core cannot model an expression index, so it is created here; the model is
            // unchanged. A later migration that rebuilds this table on SQLite must create it again
            // (AutorouteLookupTests reads the query plan).
            migrationBuilder.Sql("""CREATE INDEX "IX_AutorouteIndex_LowerPath" ON "AutorouteIndex" (lower("Path"));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_AutorouteIndex_LowerPath";""");
        }
    }
}
