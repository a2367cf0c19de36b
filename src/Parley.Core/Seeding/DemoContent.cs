using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Media;
using Parley.Core.Posts;

namespace Parley.Core.Seeding;

/// <summary>
/// Fills an empty site with a few original posts that show every content feature: figures with
/// captions, attributed quotes, cited sources, a video, footnotes, a table and a question to readers.
/// The texts live as Markdown files with a small header in Seeding/Demo/.
/// </summary>
public sealed class DemoContent(ParleyDbContext db, PostService posts, CategoryService categories, TimeProvider clock)
{
    public async Task<bool> SeedIfEmptyAsync(string authorId, CancellationToken ct = default)
    {
        if (await db.Posts.AnyAsync(ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;

        await categories.CreateAsync("Commentary", description: "Arguments about the news of the day.", ct: ct);
        await categories.CreateAsync("Cities", "commentary", "Streets, transport and the places we share.", ct);
        await categories.CreateAsync("Science", description: "What the evidence says.", ct: ct);
        await categories.CreateAsync("Notes", description: "Shorter thoughts.", ct: ct);

        var media = new Dictionary<string, MediaItem>();
        foreach (var (file, alt, caption) in Images)
        {
            var item = new MediaItem
            {
                Url = "/images/demo/" + file, ContentType = "image/svg+xml", Width = 1200, Height = 675,
                AltText = alt, Caption = caption, CreatedAt = now,
            };
            db.MediaItems.Add(item);
            media[file] = item;
        }
        await db.SaveChangesAsync(ct);

        var daysAgo = 2;
        foreach (var doc in LoadDocuments().OrderBy(d => d.Order))
        {
            var image = doc.Header.GetValueOrDefault("image");
            await posts.CreateAsync(new PostInput
            {
                Kind = doc.Header.GetValueOrDefault("kind") == "page" ? PostKind.Page : PostKind.Post,
                Title = doc.Header["title"],
                Excerpt = doc.Header.GetValueOrDefault("excerpt"),
                Body = doc.Body,
                Status = PostStatus.Published,
                PublishAt = now.AddDays(-daysAgo).AddHours(-3),
                Categories = Split(doc.Header.GetValueOrDefault("categories")),
                Tags = Split(doc.Header.GetValueOrDefault("tags")),
                FeaturedImageId = image is null ? null : media[image].Id,
                ReaderQuestion = doc.Header.GetValueOrDefault("question"),
            }, authorId, ct);
            daysAgo += 9;
        }
        return true;
    }

    private static readonly (string File, string Alt, string Caption)[] Images =
    [
        ("riverside.svg", "A river bending through a town under a low sun, with a footbridge in the foreground",
            "The river at dusk, seen from the new footbridge."),
        ("night-library.svg", "A lit library window at night with people reading at long tables",
            "Reading room, 9 pm: the hours the pilot added."),
        ("chart-trains.svg", "Bar chart of weekday train departures before and after the timetable change",
            "Weekday departures per hour, before and after the change."),
        ("workshop.svg", "A repair bench with a disassembled radio and hand tools",
            "A Saturday repair session."),
    ];

    private static IReadOnlyList<string> Split(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private sealed record Document(int Order, Dictionary<string, string> Header, string Body);

    private static IEnumerable<Document> LoadDocuments()
    {
        var assembly = typeof(DemoContent).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Seeding.Demo.", StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var header = new Dictionary<string, string>();
            string? line;
            while ((line = reader.ReadLine()) is not null && line != "---")
            {
                var colon = line.IndexOf(':');
                if (colon > 0) header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            var order = int.Parse(Path.GetFileName(name).Split('.')[^2][..2], System.Globalization.CultureInfo.InvariantCulture);
            yield return new Document(order, header, reader.ReadToEnd().Trim());
        }
    }
}
