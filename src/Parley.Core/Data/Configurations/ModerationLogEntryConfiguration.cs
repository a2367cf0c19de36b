using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Comments;

namespace Parley.Core.Data.Configurations;

internal sealed class ModerationLogEntryConfiguration : IEntityTypeConfiguration<ModerationLogEntry>
{
    public void Configure(EntityTypeBuilder<ModerationLogEntry> entry)
    {
        // The log outlives the comment it describes (a deleted comment's history stays), so no foreign key.
        entry.HasIndex(e => new { e.CommentId, e.At });
        entry.Property(e => e.ModeratorId).HasMaxLength(450);
    }
}
