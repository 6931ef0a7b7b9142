using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LiaisonSite.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndexContentListOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Latest",
                table: "ContentItems",
                columns: new[] { "ModifiedUtc", "Id", "DisplayText" },
                filter: "\"Latest\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_LatestByType",
                table: "ContentItems",
                columns: new[] { "ContentType", "ModifiedUtc", "Id", "DisplayText" },
                filter: "\"Latest\"");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_PublishedByType",
                table: "ContentItems",
                columns: new[] { "ContentType", "PublishedUtc", "Id" },
                filter: "\"Published\"");

            // /api/content orders by COALESCE("PublishedUtc", "ModifiedUtc"), newest first: an expression index of
            // published versions by type in that order lets a page be read without sorting the type. EF Core cannot
            // describe an expression index; ContentListIndexTests reads it back from the stored schema.
            migrationBuilder.Sql("""CREATE INDEX "IX_ContentItems_PublishedByType_ApiOrder" ON "ContentItems" ("ContentType", COALESCE("PublishedUtc", "ModifiedUtc"), "Id") WHERE "Published";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_ContentItems_PublishedByType_ApiOrder";""");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_Latest",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_LatestByType",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_PublishedByType",
                table: "ContentItems");
        }
    }
}
