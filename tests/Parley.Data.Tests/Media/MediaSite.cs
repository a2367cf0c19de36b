using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Data;
using Parley.Core.Media;
using Parley.Testing;

namespace Parley.Data.Tests.Media;

/// <summary>A migrated database, an author and an empty media folder, for one test.</summary>
internal sealed class MediaSite : IAsyncDisposable
{
    public required TestDatabase Db { get; init; }
    public required string AuthorId { get; init; }
    public required string MediaRoot { get; init; }

    public static async Task<MediaSite> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var db = await TestDatabase.CreateAsync(provider);
        return new MediaSite { Db = db, AuthorId = await db.AddAuthorAsync(), MediaRoot = TestFolders.Create("media") };
    }

    public Task<MediaItem> UploadAsync(byte[] bytes, string? fileName = "picture.jpg", string? declaredType = null, string? uploaderId = null) =>
        UploadAsync(new MemoryStream(bytes), fileName, declaredType, uploaderId);

    public Task<MediaItem> UploadAsync(Stream content, string? fileName, string? declaredType = null, string? uploaderId = null) =>
        Db.InScopeAsync(sp => sp.GetRequiredService<MediaLibrary>()
            .UploadAsync(content, fileName, declaredType, MediaRoot, uploaderId ?? AuthorId, ct: TestContext.Current.CancellationToken));

    public Task<T> Library<T>(Func<MediaLibrary, Task<T>> work) => Db.InScopeAsync(sp => work(sp.GetRequiredService<MediaLibrary>()));
    public Task Library(Func<MediaLibrary, Task> work) => Db.InScopeAsync(sp => work(sp.GetRequiredService<MediaLibrary>()));

    /// <summary>Every file below the media folder, as relative paths with '/'.</summary>
    public IReadOnlyList<string> Files() => Directory.EnumerateFiles(MediaRoot, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(MediaRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    public string PathOf(string url) => Path.Combine(MediaRoot, url[MediaFiles.UrlPrefix.Length..]);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        TestFolders.Delete(MediaRoot);
    }
}
