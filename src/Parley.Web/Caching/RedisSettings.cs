using System.ComponentModel.DataAnnotations;

namespace Parley.Web.Caching;

/// <summary>
/// <c>Parley:Redis</c>: set only when several Parley processes serve one site from one PostgreSQL database. Each
/// process then tells the others, through Redis, what changed, so none keeps showing a page another one changed
/// (see <see cref="RedisChanges"/>). Unset, Parley is one process and needs nothing outside it.
/// </summary>
public sealed class RedisSettings
{
    /// <summary>
    /// A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…,ssl=true</c>. It may hold
    /// a password, so it is never logged.
    /// </summary>
    [MaxLength(4096)] public string? Configuration { get; set; }

    /// <summary>The channel the processes of one site share; sites sharing one Redis need different channels.</summary>
    [Required, MaxLength(200)] public string Channel { get; set; } = "parley:changes";

    /// <summary>
    /// While Redis cannot be reached, another process's change goes unheard, so this process drops its kept pages,
    /// page parts and settings this often: the most a reader can see of a stale page then.
    /// </summary>
    [Range(1, 600)] public int DisconnectedMaxSeconds { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
