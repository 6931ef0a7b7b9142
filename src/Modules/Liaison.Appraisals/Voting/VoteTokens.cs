using LiaisonSite.Core.Security;

namespace Liaison.Appraisals.Voting;

/// <summary>
/// Ballot links: 24 random bytes (192 bits) in base64url (32 characters) in /appraisal/vote/{token}; the database
/// keeps only the SHA-256 of the token (<see cref="SecretCodes"/>, shared with the opinion box's tracking codes).
/// </summary>
public static class VoteTokens
{
    public const int Bytes = 24;

    public static string New() => SecretCodes.NewBase64Url(Bytes);

    public static string Hash(string token) => SecretCodes.Hash(token);

    /// <summary>Well formed: 32 base64url characters. Anything else is answered 404 before any look-up.</summary>
    public static bool IsWellFormed(string? token) => SecretCodes.IsBase64Url(token, Bytes);

    /// <summary>The hash of a token nobody ever sees: a voter whose link was not issued yet cannot vote.</summary>
    public static string Placeholder() => Hash(New());

    public static string Path(string token) => "/appraisal/vote/" + token;
}
