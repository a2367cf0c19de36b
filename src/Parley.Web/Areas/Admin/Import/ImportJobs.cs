using Parley.Core.Import;

namespace Parley.Web.Areas.Admin.Import;

/// <summary>
/// The WordPress import started from the admin area: one at a time, in the background (an upload of a
/// large export must not hold a request open), with its progress and report kept for the page to show.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, ILogger<ImportJobs> logger)
{
    public sealed class Job
    {
        public required string FileName { get; init; }
        public bool DryRun { get; init; }
        public ImportProgress Progress { get; set; }
        public ImportReport? Report { get; set; }
        public string? Error { get; set; }
        public bool Running => Report is null && Error is null;
    }

    private readonly Lock _lock = new();
    public Job? Current { get; private set; }

    /// <summary>Starts importing the saved file; false when an import is already running.</summary>
    public bool TryStart(string path, string fileName, bool dryRun, string userId, MediaDownloads? downloads = null)
    {
        Job job;
        lock (_lock)
        {
            if (Current is { Running: true }) return false;
            Current = job = new Job { FileName = fileName, DryRun = dryRun };
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var stream = File.OpenRead(path);
                var progress = new Progress<ImportProgress>(p => job.Progress = p);
                job.Report = await scope.ServiceProvider.GetRequiredService<WordPressImporter>()
                    .ImportAsync(stream, new ImportOptions { DryRun = dryRun, ImportingUserId = userId, Progress = progress, Downloads = downloads });
            }
            catch (WxrFormatException ex)
            {
                job.Error = ex.Message;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The import of {File} failed", fileName);
                job.Error = "The import stopped on an error of Parley's own; it is in the log. Whole posts imported before it are kept.";
            }
            finally
            {
                try { File.Delete(path); } catch (IOException) { }
            }
        });
        return true;
    }
}
