using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Parley.Core.Import;

// Authors become staff accounts with the Author role, found again by their login.
public sealed partial class WordPressImporter
{
    private async Task ImportAuthorsAsync(Run run, List<WxrAuthor> authors, CancellationToken ct)
    {
        foreach (var author in authors)
        {
            var login = author.Login.Trim();
            var label = $"Author “{(login.Length > 0 ? login : author.DisplayName ?? "?")}”";
            if (login.Length == 0)
            {
                run.Tally.Skipped++;
                run.Tally.Note(label, "It has no login; its posts are attributed to you.");
                continue;
            }
            if (run.Authors.ContainsKey(login))
            {
                run.Tally.Note(label, "The export lists this login twice; the first counts.");
                continue;
            }
            if (await run.Map.FindAsync(ImportedKinds.Author, login, ct) is { } known && await db.Users.AnyAsync(u => u.Id == known, ct))
            {
                Remember(run, author, login, known);
                run.Tally.AlreadyImported++;
                continue;
            }

            var email = author.Email?.Trim();
            if (email is not null && (email.Length > 254 || !new EmailAddressAttribute().IsValid(email)))
            {
                run.Tally.Note(label, $"Its email \"{email}\" is not an address and was left out.");
                email = null;
            }
            // The same person may already be here (often the one importing): their posts join that account.
            var normalized = email?.ToUpperInvariant();
            var existing = normalized is null ? null : await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
            var fullName = string.Join(' ', new[] { author.FirstName, author.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
            var displayName = author.DisplayName ?? (fullName.Length > 0 ? fullName : login);
            string? userId = null;
            var ok = await InTransactionAsync(run, label, async unit =>
            {
                if (existing is not null)
                {
                    userId = existing.Id;
                    unit.Note(label, $"Linked to the existing account “{existing.DisplayName}” with the same email.");
                }
                else if (run.Options.DryRun) userId = "planned-author-" + login;
                else userId = (await staff.CreateImportedAsync(displayName, email, login, run.Options.ImportingUserId, ct)).Id;
                if (existing is null) unit.Authors++;
                run.Map.Record(ImportedKinds.Author, login, userId);
            }, ct);
            if (ok && userId is not null) Remember(run, author, login, userId);
        }
    }

    private static void Remember(Run run, WxrAuthor author, string login, string userId)
    {
        run.Authors[login] = userId;
        if (author.Id is { } id) run.AuthorsById.TryAdd(id, userId);
    }

    /// <summary>The account a post goes to: its imported author, else the person importing (noted once per unknown login).</summary>
    private static string AuthorOf(Run run, WxrItem item)
    {
        if (item.Creator is { } login && run.Authors.TryGetValue(login.Trim(), out var userId)) return userId;
        run.Tally.Group("Their author is not in the export's list of authors; they are attributed to you.", WordPressItems.Label(item) +
            (item.Creator is null ? "" : $" (by “{item.Creator}”)"));
        return run.Options.ImportingUserId;
    }
}
