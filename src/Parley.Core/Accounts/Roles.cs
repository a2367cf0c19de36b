namespace Parley.Core.Accounts;

/// <summary>Staff roles, with WordPress's meanings.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Contributor = "Contributor";

    public static readonly string[] All = [Administrator, Editor, Author, Contributor];
}
