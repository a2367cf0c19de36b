namespace Parley.Core;

/// <summary>Input a person gave that breaks a rule; carries a message per field for the form or API.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The input is not valid: " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// The request is well formed, but what the site holds now refuses it: the address already has an account,
/// the slug is taken, the last administrator would go. The API answers 409; a form shows the message by <see cref="Field"/>.
/// </summary>
public sealed class ConflictException(string field, string message) : Exception(message)
{
    /// <summary>The input the refusal is about ("" for the request as a whole).</summary>
    public string Field { get; } = field;
}

/// <summary>Something asked for by id or slug does not exist.</summary>
public sealed class NotFoundException(string what) : Exception(what + " was not found.");

/// <summary>
/// Someone else saved the post after this editor opened it. Nothing was saved; the editor can compare
/// their text with <see cref="CurrentRevisionId"/> and decide.
/// </summary>
public sealed class EditConflictException(int currentVersion, int? currentRevisionId, string? savedBy)
    : Exception("The post was changed by someone else after you opened it.")
{
    public int CurrentVersion { get; } = currentVersion;
    public int? CurrentRevisionId { get; } = currentRevisionId;
    public string? SavedBy { get; } = savedBy;
}
