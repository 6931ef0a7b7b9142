using Microsoft.EntityFrameworkCore.Migrations;

namespace LiaisonSite.Migrations;

/// <summary>
/// Hand-written data repair run by <c>AddOutboxAndInvariants</c> before it creates the one-Latest and one-Published
/// unique indexes: where a race left an item with two latest (or two published) versions, the newest one (highest
/// Id) keeps the flag and the others lose it, with a new concurrency stamp so that a form opened on them is stale.
/// The index tables that copy the flags are brought in line with their versions.
/// </summary>
internal static class ContentVersionRepair
{
    private static readonly string[] s_indexTablesWithFlags = ["AutorouteIndex", "OrganizationIndex", "ContactIndex", "NoticeIndex"];

    public static void Apply(MigrationBuilder migrationBuilder, bool postgres)
    {
        var yes = postgres ? "TRUE" : "1";
        var no = postgres ? "FALSE" : "0";
        var newStamp = postgres ? "md5(random()::text)" : "lower(hex(randomblob(16)))";
        foreach (var flag in new[] { "Latest", "Published" })
        {
            migrationBuilder.Sql($"""
                UPDATE "ContentItems" SET "{flag}" = {no}, "ConcurrencyStamp" = {newStamp}
                WHERE "{flag}" = {yes} AND EXISTS (
                    SELECT 1 FROM "ContentItems" AS newer
                    WHERE newer."ContentItemId" = "ContentItems"."ContentItemId" AND newer."{flag}" = {yes} AND newer."Id" > "ContentItems"."Id");
                """);
        }

        foreach (var table in s_indexTablesWithFlags)
        {
            migrationBuilder.Sql($"""
                UPDATE "{table}" SET
                    "Latest" = (SELECT c."Latest" FROM "ContentItems" AS c WHERE c."ContentItemVersionId" = "{table}"."ContentItemVersionId"),
                    "Published" = (SELECT c."Published" FROM "ContentItems" AS c WHERE c."ContentItemVersionId" = "{table}"."ContentItemVersionId")
                WHERE EXISTS (
                    SELECT 1 FROM "ContentItems" AS c
                    WHERE c."ContentItemVersionId" = "{table}"."ContentItemVersionId"
                        AND (c."Latest" <> "{table}"."Latest" OR c."Published" <> "{table}"."Published"));
                """);
        }
    }
}
