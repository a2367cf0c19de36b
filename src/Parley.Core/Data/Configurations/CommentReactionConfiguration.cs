using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Comments;

namespace Parley.Core.Data.Configurations;

internal sealed class CommentReactionConfiguration : IEntityTypeConfiguration<CommentReaction>
{
    public void Configure(EntityTypeBuilder<CommentReaction> reaction)
    {
        reaction.Property(r => r.ReaderKey).HasMaxLength(64);
        // One like and one report per reader and comment, enforced by the database under concurrency.
        reaction.HasIndex(r => new { r.CommentId, r.Kind, r.ReaderKey }).IsUnique();
        reaction.HasOne<Comment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
