using Microsoft.EntityFrameworkCore;

namespace Liaison.Notices.Data;

public enum ObjectionStatus
{
    Pending = 0,
    Answered = 1,
}

/// <summary>An objection or opinion lodged against a public notice. Personal data: shown only on the admin pages.</summary>
public sealed class Objection
{
    public const int MinTextLength = 10;
    public const int MaxTextLength = 2000;
    public const int MaxNameLength = 50;
    public const int MaxContactLength = 100;
    public const int MaxAnswerLength = 4000;
    public const int ReceiptLength = 19;

    public long Id { get; set; }

    public string NoticeContentItemId { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public bool Anonymous { get; set; }

    public string? Name { get; set; }

    public string? Contact { get; set; }

    public string Text { get; set; } = "";

    public ObjectionStatus Status { get; set; }

    public string? Answer { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTime? AnsweredUtc { get; set; }

    /// <summary>
    /// The objector's receipt (回执号): 16 random characters of Crockford's base-32 alphabet (80 bits) after "GS-", so it
    /// cannot be guessed; with it the objector reads the branch's answer at /notices/objections/{receipt}. Null for
    /// objections stored before receipts existed (their reference was sequential and is not accepted there).
    /// </summary>
    public string? Receipt { get; set; }

    /// <summary>What the sender is told to quote: GS (公示), the day it arrived and its number.</summary>
    public string Reference => $"GS{CreatedUtc:yyyyMMdd}-{Id:D4}";

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<Objection>(e =>
    {
        e.ToTable("Objections");
        e.HasKey(x => x.Id);
        e.Property(x => x.NoticeContentItemId).HasMaxLength(26).IsRequired();
        e.Property(x => x.Name).HasMaxLength(MaxNameLength);
        e.Property(x => x.Contact).HasMaxLength(MaxContactLength);
        e.Property(x => x.Text).HasMaxLength(MaxTextLength).IsRequired();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Answer).HasMaxLength(MaxAnswerLength);
        e.Property(x => x.AnsweredBy).HasMaxLength(256);
        e.Ignore(x => x.Reference);
        e.Property(x => x.Receipt).HasMaxLength(ReceiptLength);
        e.HasIndex(x => x.Receipt).IsUnique();
        e.HasIndex(x => new { x.NoticeContentItemId, x.Status });
    });
}
