using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Archive;
using Parley.Core.Data;
using Parley.Testing;

namespace Parley.Web.Tests.Archive;

/// <summary>Writing an archive: whole or not at all, never over something that is not an archive, and from the command line.</summary>
public sealed class JsonArchiveExportTests
{
    [Fact]
    public async Task An_export_cut_short_leaves_the_previous_archive_as_it_was()
    {
        var folder = TestFolders.Create("archive-export");
        try
        {
            await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await db.AddAuthorAsync();
            var target = Path.Combine(folder, "archive");
            var media = Path.Combine(folder, "media");
            await db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveExporter>().ExportAsync(target, media));
            var first = await File.ReadAllTextAsync(Path.Combine(target, ArchiveFormat.ManifestFile), TestContext.Current.CancellationToken);

            // Writing over an archive replaces it...
            db.Clock.Advance(TimeSpan.FromMinutes(1));
            await db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveExporter>().ExportAsync(target, media));
            var manifest = await File.ReadAllTextAsync(Path.Combine(target, ArchiveFormat.ManifestFile), TestContext.Current.CancellationToken);
            Assert.NotEqual(first, manifest);

            // ...but an export that fails halfway (here: a sealed secret these services cannot open) leaves it alone.
            await using (var context = db.NewContext())
            {
                context.SignInProviders.Add(new SignInProvider { Key = "github", DisplayName = "GitHub", ClientSecretProtected = "sealed" });
                await context.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
            var failed = await Assert.ThrowsAsync<ArchiveException>(() => db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveExporter>().ExportAsync(target, media)));
            Assert.Contains("secrets", failed.Message);
            Assert.Equal(["archive"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Where(n => n != "media"));
            Assert.Equal(manifest, await File.ReadAllTextAsync(Path.Combine(target, ArchiveFormat.ManifestFile), TestContext.Current.CancellationToken));
            Assert.True(File.Exists(Path.Combine(target, "data", "users.json")));
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task A_folder_that_is_not_an_archive_is_never_written_over()
    {
        var folder = TestFolders.Create("archive-export");
        try
        {
            await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            var target = Path.Combine(folder, "documents");
            Directory.CreateDirectory(target);
            await File.WriteAllTextAsync(Path.Combine(target, "thesis.txt"), "irreplaceable", TestContext.Current.CancellationToken);
            var refused = await Assert.ThrowsAsync<ArchiveException>(() => db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveExporter>().ExportAsync(target, Path.Combine(folder, "media"))));
            Assert.Contains("exists and is not a Parley archive", refused.Message);
            Assert.Equal("irreplaceable", await File.ReadAllTextAsync(Path.Combine(target, "thesis.txt"), TestContext.Current.CancellationToken));

            var nowhere = await Assert.ThrowsAsync<ArchiveException>(() => db.InScopeAsync(sp => sp.GetRequiredService<JsonArchiveExporter>().ExportAsync(Path.Combine(folder, "no", "such"), Path.Combine(folder, "media"))));
            Assert.Contains("There is no folder", nowhere.Message);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task The_commands_explain_bad_arguments_in_one_line_with_exit_codes()
    {
        var folder = TestFolders.Create("archive-cli");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Parley__DataPath"] = Path.Combine(folder, "data"), ["Parley__AdminPassword"] = "a long test password", ["Parley__SeedDemoContent"] = "false",
            };
            var (usage, usageOutput) = await ParleyProcess.RunToExitAsync(folder, environment, "export", "json");
            Assert.Equal(2, usage);
            Assert.Contains("Usage: Parley export json DIR", usageOutput);

            var (missing, missingOutput) = await ParleyProcess.RunToExitAsync(folder, environment, "import", "json", Path.Combine(folder, "nothing-here"));
            Assert.Equal(1, missing);
            Assert.Contains("Nothing was imported: There is no folder", missingOutput);

            // A restore whose accounts do not include Parley:AdminEmail says so, rather than a second administrator appearing later.
            var archive = Path.Combine(folder, "archive");
            var (exported, exportOutput) = await ParleyProcess.RunToExitAsync(folder, environment, "export", "json", archive);
            Assert.True(exported == 0, exportOutput);
            var other = new Dictionary<string, string>(environment) { ["Parley__DataPath"] = Path.Combine(folder, "other"), ["Parley__AdminEmail"] = "someone.else@example.com" };
            var (imported, importOutput) = await ParleyProcess.RunToExitAsync(folder, other, "import", "json", archive);
            Assert.True(imported == 0, importOutput);
            Assert.Contains("Parley:AdminEmail (someone.else@example.com) is not an account in the archive", importOutput);

            var (help, helpOutput) = await ParleyProcess.RunToExitAsync(folder, environment, "help");
            Assert.Equal(0, help);
            Assert.Contains("export json DIR", helpOutput);
            Assert.Contains("import json DIR", helpOutput);
        }
        finally
        {
            TestFolders.Delete(folder);
        }
    }
}
