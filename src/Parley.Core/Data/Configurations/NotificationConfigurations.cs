using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Core.Notifications;

namespace Parley.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.To).HasMaxLength(254);
        message.Property(m => m.Subject).HasMaxLength(500);
        message.Property(m => m.UnsubscribeUrl).HasMaxLength(1000);
        message.Property(m => m.LastError).HasMaxLength(500);
        // The dispatcher's question: what is unsent and due?
        message.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
    }
}

internal sealed class CommentSubscriptionConfiguration : IEntityTypeConfiguration<CommentSubscription>
{
    public void Configure(EntityTypeBuilder<CommentSubscription> subscription)
    {
        subscription.Property(s => s.Email).HasMaxLength(254);
        subscription.Property(s => s.Token).HasMaxLength(64);
        subscription.HasIndex(s => s.Token).IsUnique();
        subscription.HasIndex(s => new { s.PostId, s.Scope });
        subscription.HasIndex(s => s.Email);
        subscription.HasOne<Posts.Post>().WithMany().HasForeignKey(s => s.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
