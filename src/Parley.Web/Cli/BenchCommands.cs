using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;
using Parley.Core.Data;
using Parley.Core.Posts;
using Parley.Core.Settings;
using Parley.Web.Cli.Bench;
using Parley.Web.Hosting;

namespace Parley.Web.Cli;

/// <summary>
/// <c>Parley bench wxr FILE</c> writes a generated WordPress export; <c>Parley bench seed</c> fills the
/// configured database with a large generated site. Both are for measuring, never for a real site.
/// </summary>
public static class BenchCommands
{
    /// <summary>The options both commands share, read from the arguments after the verb.</summary>
    internal sealed record Sizes(int Posts, long Comments, int Seed, bool Force, string[] Rest);

    internal static Sizes? ReadSizes(string[] args, int defaultPosts, long defaultComments)
    {
        int posts = defaultPosts, seed = 1;
        long comments = defaultComments;
        var force = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--posts" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out posts): i++; break;
                case "--comments" when i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out comments): i++; break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out seed): i++; break;
                case "--posts" or "--comments" or "--seed":
                    Console.Error.WriteLine($"{args[i]} needs a whole number after it.");
                    return null;
                case "--force": force = true; break;
                default: rest.Add(args[i]); break;
            }
        }
        if (posts < 1)
        {
            Console.Error.WriteLine("--posts must be at least 1.");
            return null;
        }
        return new Sizes(posts, comments, seed, force, [.. rest]);
    }

    public static int Wxr(string file, string[] args)
    {
        if (ReadSizes(args, 1000, 20_000) is not { } sizes) return 2;
        var started = System.Diagnostics.Stopwatch.StartNew();
        WxrGenerator.Written written;
        using (var stream = File.Create(file)) written = WxrGenerator.Write(stream, sizes.Posts, sizes.Comments, sizes.Seed);
        Console.WriteLine($"Wrote {file} ({new FileInfo(file).Length / 1048576.0:F1} MB) in {started.Elapsed.TotalSeconds:F1} s: {written.Posts:N0} posts, {written.Pages} page, " +
                          $"{written.Comments:N0} comments ({written.Approved:N0} approved, {written.Pending:N0} pending, {written.Spam:N0} spam, {written.Trash:N0} trash, " +
                          $"{written.Pingbacks:N0} pingbacks), {written.Categories} categories, {written.Tags} tags, {written.Authors} authors.");
        return 0;
    }

    internal static async Task<int> SeedAsync(IServiceProvider services, Sizes sizes)
    {
        var db = services.GetRequiredService<ParleyDbContext>();
        var existing = await db.Posts.CountAsync(p => p.Kind == PostKind.Post);
        if (existing > 0 && !sizes.Force)
        {
            Console.Error.WriteLine($"This site already has {existing:N0} posts. bench seed fills a site for benchmarks with generated posts and comments; " +
                                    "add --force to add them to this one anyway.");
            return 2;
        }
        var admin = await services.GetRequiredService<UserManager<ParleyUser>>().FindByNameAsync(services.GetRequiredService<IOptions<ParleyOptions>>().Value.AdminEmail);
        if (admin is null)
        {
            Console.Error.WriteLine("The administrator account (Parley:AdminEmail) was not found; start Parley once first.");
            return 2;
        }
        Console.WriteLine($"Seeding {sizes.Posts:N0} posts and {sizes.Comments:N0} comments into the {(db.Database.IsSqlite() ? "SQLite" : "PostgreSQL")} database (seed {sizes.Seed})...");
        var seeder = ActivatorUtilities.CreateInstance<BenchSeeder>(services);
        var result = await seeder.SeedAsync(sizes.Posts, sizes.Comments, admin.Id, sizes.Seed, Console.WriteLine);
        Console.WriteLine($"Seeded {result.Posts:N0} posts and {result.Comments:N0} comments ({result.Approved:N0} approved) in {result.Elapsed.TotalSeconds:F1} s.");
        if (await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Kind == PostKind.Post && p.Slug == BenchSeeder.RealisticSlug) is { } realistic)
        {
            var zone = SiteTime.Zone(await services.GetRequiredService<SettingsService>().GetAsync());
            Console.WriteLine($"The post with the long thread: {PostUrls.PathFor(realistic, zone)}");
        }
        return 0;
    }
}
