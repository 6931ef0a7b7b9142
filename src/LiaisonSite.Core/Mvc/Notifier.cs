using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LiaisonSite.Core.Mvc;

public enum NotifyType
{
    Success,
    Info,
    Warning,
    Error,
}

public sealed record Notification(NotifyType Type, string Message);

/// <summary>Messages shown on the next page (after a redirect), kept in TempData.</summary>
public static class Notifier
{
    private const string Key = "Liaison.Notifications";

    public static void Notify(this ITempDataDictionary tempData, NotifyType type, string message)
    {
        var list = Read(tempData, keep: true);
        list.Add(new Notification(type, message));
        tempData[Key] = JsonSerializer.Serialize(list);
    }

    public static void Success(this ITempDataDictionary tempData, string message) => tempData.Notify(NotifyType.Success, message);

    public static void Error(this ITempDataDictionary tempData, string message) => tempData.Notify(NotifyType.Error, message);

    /// <summary>Takes the pending messages (they are then gone).</summary>
    public static List<Notification> TakeNotifications(this ITempDataDictionary tempData) => Read(tempData, keep: false);

    private static List<Notification> Read(ITempDataDictionary tempData, bool keep)
    {
        var json = keep ? tempData.Peek(Key) as string : tempData[Key] as string;
        return json is null ? [] : JsonSerializer.Deserialize<List<Notification>>(json) ?? [];
    }
}
