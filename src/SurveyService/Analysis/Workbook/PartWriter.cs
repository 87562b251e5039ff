using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// Writes one part's XML from the SDK's elements with SpreadsheetML as the default namespace, as
/// Excel itself does. OpenXmlWriter 2.20 cannot: every element it writes takes OpenXmlElement.Prefix,
/// which treats an empty prefix as "none declared" and falls back to the SDK's own "x", and the
/// overload with namespaceDeclarations only adds xmlns="…" beside xmlns:x. Readers that match tag
/// names as written (ExcelJS #1437) then find no worksheet at all. So the elements are walked here
/// and written unprefixed; relationship ids keep their "r:" prefix, declared once on the root.
/// </summary>
internal sealed class PartWriter : IDisposable
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly XmlWriter _xml;
    private int _depth;

    public PartWriter(Stream stream)
    {
        // Entitize: a carriage return in an answer is written as &#xD; and read back as typed, not as a line feed.
        _xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize });
        _xml.WriteStartDocument(standalone: true);
    }

    /// <summary>The element's start tag and attributes; its children follow until <see cref="WriteEndElement"/>.</summary>
    public void WriteStartElement(OpenXmlElement element)
    {
        _xml.WriteStartElement("", element.LocalName, element.NamespaceUri);
        if (_depth++ == 0)
        {
            _xml.WriteAttributeString("xmlns", element.NamespaceUri);
            _xml.WriteAttributeString("xmlns", "r", null, RelationshipsNamespace);
        }
        foreach (var attribute in element.GetAttributes())
            _xml.WriteAttributeString(attribute.Prefix, attribute.LocalName, attribute.NamespaceUri, attribute.Value);
    }

    /// <summary>The whole element: attributes, text and children.</summary>
    public void WriteElement(OpenXmlElement element)
    {
        WriteStartElement(element);
        if (element is OpenXmlLeafTextElement leaf)
            _xml.WriteString(leaf.Text);
        foreach (var child in element.ChildElements)
            WriteElement(child);
        WriteEndElement();
    }

    // Rows and cells are nearly all of a workbook's XML: they are written here directly rather than
    // each through an SDK element, which would allocate an object and an attribute list per cell.

    /// <summary>A row's start tag; its cells follow until <see cref="WriteEndElement"/>.</summary>
    public void WriteStartRow(uint index, double? height)
    {
        _xml.WriteStartElement("row", Main);
        _xml.WriteAttributeString("r", index.ToString(CultureInfo.InvariantCulture));
        if (height is { } points)
        {
            _xml.WriteAttributeString("ht", points.ToString(CultureInfo.InvariantCulture));
            _xml.WriteAttributeString("customHeight", "1");
        }
        _depth++;
    }

    public void WriteNumberCell(string reference, uint style, double value)
    {
        StartCell(reference, style);
        _xml.WriteElementString("v", Main, value.ToString("R", CultureInfo.InvariantCulture));
        _xml.WriteEndElement();
    }

    /// <summary>An inline string cell: the text is the caller's, already made fit for a cell.</summary>
    public void WriteTextCell(string reference, uint style, string text)
    {
        StartCell(reference, style);
        _xml.WriteAttributeString("t", "inlineStr");
        _xml.WriteStartElement("is", Main);
        _xml.WriteStartElement("t", Main);
        _xml.WriteAttributeString("xml", "space", null, "preserve");
        _xml.WriteString(text);
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }

    private void StartCell(string reference, uint style)
    {
        _xml.WriteStartElement("c", Main);
        _xml.WriteAttributeString("r", reference);
        _xml.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
    }

    public void WriteEndElement()
    {
        _xml.WriteEndElement();
        _depth--;
    }

    public void Dispose()
    {
        _xml.WriteEndDocument();
        _xml.Dispose();
    }
}
