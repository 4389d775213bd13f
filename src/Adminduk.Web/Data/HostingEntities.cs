namespace Adminduk.Web.Data;

/// <summary>Requests counted for one rate-limit partition (policy + client) in one fixed window.</summary>
public class RateLimitCounter
{
    /// <summary>Policy name and client, e.g. "sign-in|203.0.113.9".</summary>
    public required string Key { get; set; }

    /// <summary>Start of the window in Unix seconds.</summary>
    public long WindowStart { get; set; }

    public int Count { get; set; }
}
