using System.ComponentModel.DataAnnotations;
using Parley.Core.Data;

namespace Parley.Web.Hosting;

/// <summary>
/// Settings read at start from appsettings, the environment (<c>Parley__DataPath</c>, ...) or the
/// command line (<c>--Parley:DataPath=...</c>). Defaults here are what a fresh clone runs with.
/// </summary>
public sealed class ParleyOptions
{
    public const string Section = "Parley";

    /// <summary>Folder for the SQLite database, uploaded media and Data Protection keys.</summary>
    [Required] public string DataPath { get; set; } = "./data";

    public DatabaseSettings Database { get; set; } = new();

    /// <summary>Sign-in of the first administrator, created on first start.</summary>
    [Required, EmailAddress] public string AdminEmail { get; set; } = "admin@example.com";

    /// <summary>Password for the first administrator; when empty one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Public address, e.g. <c>https://blog.example.com</c>. When empty, taken from each request.</summary>
    [Url] public string? PublicUrl { get; set; }

    /// <summary>Whether an empty site gets the demo posts on first start.</summary>
    public bool SeedDemoContent { get; set; } = true;

    public LimitSettings Limits { get; set; } = new();

    public SignInSettings SignIn { get; set; } = new();

    public Caching.PageCacheSettings PageCache { get; set; } = new();

    /// <summary>Only when several Parley processes serve one site: the Redis they tell each other's changes through.</summary>
    public Caching.RedisSettings Redis { get; set; } = new();

    public ImportSettings Import { get; set; } = new();

    public Feeds.SitemapSettings Sitemap { get; set; } = new();

    public string FullDataPath => Path.GetFullPath(DataPath);
    public string MediaPath => Path.Combine(FullDataPath, "media");
}

/// <summary>Rate limits on writes. Raise them only for load tests.</summary>
/// <summary>Switches for the WordPress import that only development and tests need.</summary>
public sealed class ImportSettings
{
    /// <summary>
    /// Let <c>--media download</c> fetch files from this machine (loopback). For tests with a local file server;
    /// never for a public site (an export could make Parley read services only the server can reach).
    /// Private and link-local addresses are refused whatever this says.
    /// </summary>
    public bool AllowLoopbackDownloads { get; set; }

    /// <summary>How the import brings over attachments: left where they are (link) or downloaded here.</summary>
    public Parley.Core.Import.MediaDownloads? Downloads(bool download, string mediaPath) =>
        download ? new Parley.Core.Import.MediaDownloads { MediaRoot = mediaPath, AllowLoopback = AllowLoopbackDownloads } : null;
}

/// <summary>Switches for sign-in that only development and tests need.</summary>
public sealed class SignInSettings
{
    /// <summary>
    /// Talk to fediverse servers over plain http and on loopback addresses. For tests with a fake
    /// server on this machine; never for a public site (it would let readers point Parley at internal services).
    /// </summary>
    public bool FediverseOverHttp { get; set; }
}

public sealed class LimitSettings
{
    /// <summary>Comments one IP address may post per window.</summary>
    [Range(1, 1_000_000)] public int CommentsPerWindow { get; set; } = 1;
    [Range(1, 86_400)] public int CommentWindowSeconds { get; set; } = 15;
    /// <summary>Least time between showing the reply form and posting it; bots are faster.</summary>
    [Range(0, 600)] public double CommentMinimumSeconds { get; set; } = 2;
}

public sealed class DatabaseSettings
{
    /// <summary><c>Sqlite</c> (default, a file in the data folder) or <c>Postgres</c> (needs ConnectionStrings:Parley).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
