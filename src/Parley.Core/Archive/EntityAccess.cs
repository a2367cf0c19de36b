using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Parley.Core.Archive;

/// <summary>
/// Reads, adds and clears the rows of one entity of the model without knowing its class at compile
/// time, so the archive covers every column of every table it names, including ones added later.
/// </summary>
internal abstract class EntityAccess
{
    public static EntityAccess For(IEntityType type) =>
        (EntityAccess)Activator.CreateInstance(typeof(EntityAccess<>).MakeGenericType(type.ClrType), type)!;

    /// <summary>Every row, untracked and streamed, in the given column order (the key when none).</summary>
    public abstract IAsyncEnumerable<object> ReadAsync(DbContext db, IReadOnlyList<string> orderBy, CancellationToken ct);
    public abstract void Add(DbContext db, object entity);
    public abstract Task<int> CountAsync(DbContext db, CancellationToken ct);
    public abstract Task DeleteAllAsync(DbContext db, CancellationToken ct);
}

internal sealed class EntityAccess<T>(IEntityType type) : EntityAccess where T : class
{
    // Join tables (posts ↔ categories) share the dictionary class and are told apart by name.
    private DbSet<T> Set(DbContext db) => type.HasSharedClrType ? db.Set<T>(type.Name) : db.Set<T>();

    public override IAsyncEnumerable<object> ReadAsync(DbContext db, IReadOnlyList<string> orderBy, CancellationToken ct)
    {
        IQueryable<T> query = Set(db).AsNoTracking();
        IOrderedQueryable<T>? ordered = null;
        foreach (var column in orderBy)
            ordered = ordered is null ? query.OrderBy(e => EF.Property<object>(e, column)) : ordered.ThenBy(e => EF.Property<object>(e, column));
        return (ordered ?? query).AsAsyncEnumerable().Cast<object>();
    }

    public override void Add(DbContext db, object entity) => Set(db).Add((T)entity);

    public override Task<int> CountAsync(DbContext db, CancellationToken ct) => Set(db).CountAsync(ct);

    public override Task DeleteAllAsync(DbContext db, CancellationToken ct) => Set(db).ExecuteDeleteAsync(ct);
}
