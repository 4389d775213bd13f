namespace Adminduk.Web.Features.Documents;

/// <summary>A document as the renderer draws it: a title, then blocks of labelled fields, paragraphs and tables.</summary>
public sealed record DocumentLayout(
    DocumentHeader Header,
    string Title,
    string NumberLine,
    IReadOnlyList<LayoutBlock> Blocks,
    bool Landscape = false);

public abstract record LayoutBlock;

public sealed record HeadingBlock(string Text) : LayoutBlock;

public sealed record ParagraphBlock(string Text) : LayoutBlock;

/// <summary>"Label : value" lines.</summary>
public sealed record FieldsBlock(IReadOnlyList<LabelledValue> Rows) : LayoutBlock;

public sealed record LabelledValue(string Label, string Value);

/// <summary>A table; <see cref="Widths"/> are relative column widths.</summary>
public sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<float> Widths, IReadOnlyList<IReadOnlyList<string>> Rows) : LayoutBlock;
