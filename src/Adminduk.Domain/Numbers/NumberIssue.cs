using System.Globalization;

namespace Adminduk.Domain.Numbers;

/// <summary>One finding about a number: a stable machine code plus arguments for its message.</summary>
/// <remarks>Arguments are language-neutral strings (codes, digits, ISO dates, names) so one issue renders in any language.</remarks>
public sealed class NumberIssue
{
    public NumberIssue(string code, params string[] arguments)
    {
        Code = code;
        Arguments = arguments;
    }

    public string Code { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The message in Bahasa Indonesia.</summary>
    public string Message => MessageIn(NumberMessages.Indonesian);

    public string MessageEnglish => MessageIn(NumberMessages.English);

    public string MessageIn(CultureInfo culture) => NumberMessages.Format(Code, culture, Arguments);

    public override string ToString() => $"{Code}({string.Join(", ", Arguments)})";
}

/// <summary>What every number check returns: errors make it invalid, warnings do not.</summary>
public abstract class NumberCheckResult
{
    protected NumberCheckResult(string input, IReadOnlyList<NumberIssue> errors, IReadOnlyList<NumberIssue> warnings)
    {
        Input = input;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The input with outer whitespace removed.</summary>
    public string Input { get; }

    public IReadOnlyList<NumberIssue> Errors { get; }

    public IReadOnlyList<NumberIssue> Warnings { get; }

    public bool Valid => Errors.Count == 0;
}
