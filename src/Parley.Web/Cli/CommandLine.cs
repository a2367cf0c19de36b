namespace Parley.Web.Cli;

/// <summary>
/// The command-line face of the Parley executable. With no arguments, or <c>serve</c>, it runs the
/// site; other verbs are commands that work on the same data folder and database, then exit.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        Usage: Parley [command] [options]

        Commands:
          serve                          Run the site (the default). Options such as --urls http://127.0.0.1:5000
                                         and --Parley:DataPath=/srv/parley are passed to the server.
          import wordpress FILE.xml      Import a WordPress export (WXR 1.0-1.2): authors, categories, tags, posts,
            [--dry-run]                  pages, comments and old addresses. Running it twice adds nothing twice.
            [--media link|download]      Images stay on the old site, linked (the default), or are downloaded
                                         into the media library (public addresses only, 20 MB a file).
          export wordpress FILE.xml      Write the site as a WordPress export (WXR 1.2) that WordPress imports.
          export json DIR                Write the whole site (posts, pages, revisions, comments, accounts, settings, media)
                                         as a folder that `import json` restores losslessly. Owner-only files: it holds
                                         password hashes.
          import json DIR                Restore an archive from `export json` into a new, empty site, every id as it was.
          export static DIR              Write the public site as files any web server can serve; comments on
                                         them go to the live site (set --Parley:PublicUrl to its address).
          bench wxr FILE.xml             Write a generated WordPress export for measuring imports (deterministic).
            [--posts N] [--comments M] [--seed S]
          bench seed                     Fill the database with a large generated site for benchmarks (default
            [--posts N] [--comments M]   100,000 posts, 2,000,000 comments). Refuses a site that has posts
            [--seed S] [--force]         unless --force.
          help                           Show this text.

        Every command reads the same configuration as the server (appsettings.json, environment
        variables such as Parley__DataPath, or --Key=value arguments after the command); see README.md.
        """;

    /// <summary>Runs a non-server command when one was asked for; null means: start the server.</summary>
    public static async Task<int?> TryRunCommandAsync(string[] args)
    {
        if (args.Length == 0 || args[0] == "serve" || args[0].StartsWith('-')) return null;
        // "--help" anywhere after a command asks for the usage; it must never run the command (a seed, an import).
        if (args.Contains("--help") || args.Contains("-h")) args = ["help"];
        switch (args)
        {
            case ["help" or "--help" or "-h", ..]:
                Console.WriteLine(Usage);
                return 0;
            case ["import", "wordpress", var file, .. var rest]:
            {
                var dryRun = rest.Contains("--dry-run");
                var mediaAt = Array.IndexOf(rest, "--media");
                var media = mediaAt >= 0 && mediaAt + 1 < rest.Length ? rest[mediaAt + 1] : "link";
                var config = rest.Where((a, i) => a != "--dry-run" && (mediaAt < 0 || (i != mediaAt && i != mediaAt + 1))).ToArray();
                return await SiteCommand.RunAsync(config, services => ImportCommands.WordPressAsync(services, file, dryRun, media));
            }
            case ["export", "json", var directory, .. var rest] when !directory.StartsWith('-'):
                return await SiteCommand.RunAsync(rest, services => ArchiveCommands.ExportAsync(services, directory));
            case ["import", "json", var directory, .. var rest] when !directory.StartsWith('-'):
                return await SiteCommand.RunAsync(rest, services => ArchiveCommands.ImportAsync(services, directory));
            case ["export" or "import", "json", ..]:
                Console.Error.WriteLine($"Usage: Parley {args[0]} json DIR");
                return 2;
            case ["export", "static", var directory, .. var rest]:
                return await StaticExport.RunAsync(directory, rest);
            case ["export", "wordpress", var file, .. var rest]:
                return await SiteCommand.RunAsync(rest, services => ExportCommands.WordPressAsync(services, file));
            case ["bench", "wxr", var file, .. var rest]:
                return BenchCommands.Wxr(file, rest);
            case ["bench", "seed", .. var rest]:
            {
                if (BenchCommands.ReadSizes(rest, 100_000, 2_000_000) is not { } sizes) return 2;
                return await SiteCommand.RunAsync(sizes.Rest, services => BenchCommands.SeedAsync(services, sizes));
            }
            default:
                Console.Error.WriteLine($"Unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'.");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>The arguments the server should see: everything after an optional <c>serve</c>.</summary>
    public static string[] ServerArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;
}
