// SPDX-License-Identifier: GPL-3.0-or-later
// The query editor offscreen: keys, completion, bracket highlight, error markers, indentation.
#include "gui/query/CodeEditor.h"
#include "gui/query/CompletionPopup.h"
#include "gui/query/LineNumberGutter.h"
#include "gui/query/SyntaxHighlighter.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace sasquatch;

namespace {

SchemaSnapshot schema()
{
    SchemaSnapshot s;
    s.buckets = {QStringLiteral("efd/autogen"), QStringLiteral("lsst.ATCamera/autogen")};
    s.measurements = {QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"), QStringLiteral("lsst.sal.ATDome.position")};
    s.fields = {QStringLiteral("zForce0"), QStringLiteral("zForce1")};
    s.tagKeys = {QStringLiteral("salIndex")};
    return s;
}

/// The background colours the editor's extra selections put on single characters, by position.
QMap<int, QColor> characterHighlights(const CodeEditor &editor)
{
    QMap<int, QColor> out;
    for (const QTextEdit::ExtraSelection &s : editor.extraSelections())
        if (s.cursor.selectionEnd() - s.cursor.selectionStart() == 1 && s.format.hasProperty(QTextFormat::BackgroundBrush))
            out.insert(s.cursor.selectionStart(), s.format.background().color());
    return out;
}

QList<QTextEdit::ExtraSelection> squiggles(const CodeEditor &editor)
{
    QList<QTextEdit::ExtraSelection> out;
    for (const QTextEdit::ExtraSelection &s : editor.extraSelections())
        if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline)
            out.append(s);
    return out;
}

/// The foreground the highlighter gave the character at `position` of the first block.
QColor colorAt(const CodeEditor &editor, int block, int position)
{
    for (const QTextLayout::FormatRange &r : editor.document()->findBlockByNumber(block).layout()->formats())
        if (r.start <= position && position < r.start + r.length)
            return r.format.foreground().color();
    return {};
}

} // namespace

class tst_CodeEditor : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<CodeEditor> m_editor;

    CodeEditor &editor() { return *m_editor; }
    void type(const QString &text) { QTest::keyClicks(m_editor.get(), text); }
    void setText(const QString &text, int cursor = -1)
    {
        m_editor->setPlainText(text);
        QTextCursor c = m_editor->textCursor();
        c.setPosition(cursor < 0 ? int(text.size()) : cursor);
        m_editor->setTextCursor(c);
    }

private Q_SLOTS:
    void init()
    {
        m_editor = std::make_unique<CodeEditor>();
        m_editor->resize(700, 400);
        m_editor->setSchema(schema());
        m_editor->show();
        m_editor->activateWindow();
        m_editor->setFocus();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }
    void cleanup() { m_editor.reset(); }

    void ctrlEnterRuns()
    {
        QSignalSpy run(&editor(), &CodeEditor::runRequested);
        setText(QStringLiteral("from(bucket: \"efd/autogen\")"));
        QTest::keyClick(&editor(), Qt::Key_Return, Qt::ControlModifier);
        QTest::keyClick(&editor(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(run.count(), 2);
        QCOMPARE(editor().toPlainText(), QStringLiteral("from(bucket: \"efd/autogen\")")); // no newline typed
    }

    void escapeCancelsUnlessPopupOpen()
    {
        QSignalSpy cancel(&editor(), &CodeEditor::cancelRequested);
        type(QStringLiteral("from(bucket: \""));
        QVERIFY(editor().isCompletionVisible());
        QTest::keyClick(&editor(), Qt::Key_Escape);
        QVERIFY(!editor().isCompletionVisible());
        QCOMPARE(cancel.count(), 0); // the first Esc only closed the list
        QTest::keyClick(&editor(), Qt::Key_Escape);
        QCOMPARE(cancel.count(), 1);
    }

    void completesBuckets()
    {
        type(QStringLiteral("from(bucket: \""));
        QVERIFY(editor().isCompletionVisible());
        QCOMPARE(editor().completionPopup()->labels(),
                 (QStringList{QStringLiteral("efd/autogen"), QStringLiteral("lsst.ATCamera/autogen")}));
        type(QStringLiteral("ls"));
        QCOMPARE(editor().completionPopup()->labels(), QStringList{QStringLiteral("lsst.ATCamera/autogen")});
        QTest::keyClick(&editor(), Qt::Key_Return);
        QVERIFY(!editor().isCompletionVisible());
        QCOMPARE(editor().toPlainText(), QStringLiteral("from(bucket: \"lsst.ATCamera/autogen\""));
        QCOMPARE(editor().textCursor().position(), editor().toPlainText().size());
    }

    void acceptingFromOpensBuckets()
    {
        // Accepting `from` writes from(bucket: "") and the bucket list opens inside the quotes.
        type(QStringLiteral("fro"));
        QVERIFY(editor().isCompletionVisible());
        QCOMPARE(editor().completionPopup()->currentItem()->label, QStringLiteral("from"));
        QTest::keyClick(&editor(), Qt::Key_Tab);
        QCOMPARE(editor().toPlainText(), QStringLiteral("from(bucket: \"\")"));
        QCOMPARE(editor().textCursor().position(), 14);
        QVERIFY(editor().isCompletionVisible());
        QTest::keyClick(&editor(), Qt::Key_Down);
        QTest::keyClick(&editor(), Qt::Key_Return);
        QCOMPARE(editor().toPlainText(), QStringLiteral("from(bucket: \"lsst.ATCamera/autogen\")"));
    }

    void ctrlSpaceAndInfluxQlQuoting()
    {
        editor().setLanguage(QueryLanguage::InfluxQl);
        setText(QStringLiteral("SELECT * FROM "));
        QVERIFY(!editor().isCompletionVisible());
        QTest::keyClick(&editor(), Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(editor().isCompletionVisible());
        QCOMPARE(editor().completionPopup()->labels().first(), QStringLiteral("lsst.sal.ATDome.position"));
        QTest::keyClick(&editor(), Qt::Key_Down);
        QTest::keyClick(&editor(), Qt::Key_Down); // wraps to the first
        QTest::keyClick(&editor(), Qt::Key_Return);
        QCOMPARE(editor().toPlainText(), QStringLiteral("SELECT * FROM \"lsst.sal.ATDome.position\""));
    }

    void autoImport()
    {
        setText(QStringLiteral("from(bucket: \"efd\")\n"));
        type(QStringLiteral("schema.tagV"));
        QVERIFY(editor().isCompletionVisible());
        QTest::keyClick(&editor(), Qt::Key_Return);
        QCOMPARE(editor().toPlainText(), QStringLiteral("import \"influxdata/influxdb/schema\"\n\n"
                                                        "from(bucket: \"efd\")\nschema.tagValues(bucket: \"\")"));
        // The cursor stays inside the call, after the import moved everything down.
        QCOMPARE(editor().toPlainText().at(editor().textCursor().position() - 1), u'"');
    }

    void typingOpensFromSecondLetter()
    {
        type(QStringLiteral("data = m"));
        QVERIFY(!editor().isCompletionVisible());
        type(QStringLiteral("e"));
        QVERIFY(editor().isCompletionVisible());
        QCOMPARE(editor().completionPopup()->labels().first(), QStringLiteral("mean"));
        type(QStringLiteral("a"));
        QCOMPARE(editor().completionPopup()->labels().first(), QStringLiteral("mean"));
        QVERIFY(editor().completionPopup()->labels().contains(QStringLiteral("movingAverage"))); // m…a…e
        QTest::keyClick(&editor(), Qt::Key_Escape);
        QTest::keyClick(&editor(), Qt::Key_Backspace);
        QVERIFY(!editor().isCompletionVisible()); // deleting does not open it
        type(QStringLiteral("an("));
        QVERIFY(!editor().isCompletionVisible());
    }

    void readOnly()
    {
        QSignalSpy run(&editor(), &CodeEditor::runRequested);
        setText(QStringLiteral("from(bucket: "));
        editor().setReadOnly(true);
        QTest::keyClick(&editor(), Qt::Key_Tab);
        QTest::keyClick(&editor(), Qt::Key_Space, Qt::ControlModifier);
        QTest::keyClick(&editor(), Qt::Key_Slash, Qt::ControlModifier);
        QVERIFY(!editor().isCompletionVisible());
        QCOMPARE(editor().toPlainText(), QStringLiteral("from(bucket: "));
        QTest::keyClick(&editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(run.count(), 1);
    }

    void noCompletionInComments()
    {
        type(QStringLiteral("// from(bucket: \""));
        QVERIFY(!editor().isCompletionVisible());
    }

    void bracketMatch()
    {
        setText(QStringLiteral("f(a[1])"), 1);
        QCOMPARE(editor().bracketMatch(), std::optional<BracketMatch>(BracketMatch{1, 6}));
        QMap<int, QColor> marks = characterHighlights(editor());
        QCOMPARE(marks.value(1), editor().colors().bracketMatch);
        QCOMPARE(marks.value(6), editor().colors().bracketMatch);
        QTest::keyClick(&editor(), Qt::Key_Right);
        QTest::keyClick(&editor(), Qt::Key_Right); // before '['
        QCOMPARE(editor().bracketMatch(), std::optional<BracketMatch>(BracketMatch{3, 5}));
        QTest::keyClick(&editor(), Qt::Key_Right); // after '[', before '1'
        QCOMPARE(editor().bracketMatch(), std::optional<BracketMatch>(BracketMatch{3, 5}));
        QTest::keyClick(&editor(), Qt::Key_Right); // between '1' and ']'
        QCOMPARE(editor().bracketMatch(), std::optional<BracketMatch>(BracketMatch{5, 3}));

        setText(QStringLiteral("f(a"), 1);
        QCOMPARE(editor().bracketMatch(), std::optional<BracketMatch>(BracketMatch{1, -1}));
        QCOMPARE(characterHighlights(editor()).value(1), editor().colors().bracketMismatch);
        setText(QStringLiteral("abc"), 1);
        QVERIFY(!editor().bracketMatch());
    }

    void errorMarkers()
    {
        setText(QStringLiteral("from(bucket: \"efd\")\n    |> rnage(start: -1h)\n    |> yield()"));
        editor().setErrorMarker(2, 8, QStringLiteral("undefined identifier rnage"));
        QCOMPARE(editor().errorMarkers(),
                 (QList<EditorErrorMarker>{{2, 8, QStringLiteral("undefined identifier rnage")}}));
        QCOMPARE(editor().gutter()->markers().value(1), QStringLiteral("undefined identifier rnage"));
        QCOMPARE(editor().gutter()->lineAt(editor().gutter()->height() + 100), -1);
        const auto marks = squiggles(editor());
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().cursor.selectedText(), QStringLiteral("rnage")); // the whole token
        QCOMPARE(marks.first().format.underlineColor(), editor().colors().errorUnderline);

        // Editing another line moves the marker along; editing its own line removes it.
        QTextCursor c(editor().document());
        c.insertText(QStringLiteral("// note\n"));
        QCOMPARE(editor().errorMarkers().value(0).line, 3);
        editor().setErrorMarker(1, 200, QStringLiteral("second")); // clamped to the line's end
        QCOMPARE(editor().errorMarkers().size(), 2);
        QCOMPARE(editor().errorMarkers().value(1).column, 8);
        c.setPosition(editor().document()->findBlockByNumber(2).position() + 7);
        c.insertText(QStringLiteral("x"));
        QCOMPARE(editor().errorMarkers().size(), 1);
        QCOMPARE(editor().errorMarkers().value(0).message, QStringLiteral("second"));

        editor().setErrorMarker(99, 1, QStringLiteral("past the end")); // clamped to the last line
        QCOMPARE(editor().errorMarkers().value(1).line, editor().document()->blockCount());
        editor().clearErrorMarkers();
        QVERIFY(editor().errorMarkers().isEmpty());
        QVERIFY(editor().gutter()->markers().isEmpty());
        QVERIFY(squiggles(editor()).isEmpty());

        // Re-highlighting (a language switch) keeps markers: only text changes remove them.
        editor().setErrorMarker(1, 1, QStringLiteral("kept"));
        editor().setLanguage(QueryLanguage::InfluxQl);
        QCOMPARE(editor().errorMarkers().size(), 1);
        editor().setPlainText(QStringLiteral("SELECT 1"));
        QVERIFY(editor().errorMarkers().isEmpty());
    }

    void serverErrors()
    {
        setText(QStringLiteral("from(bucket: \"efd\")\n    |> rnage(start: -1h)"));
        QVERIFY(editor().markServerError(QStringLiteral("error @2:8-2:13: undefined identifier rnage")));
        QCOMPARE(editor().errorMarkers().value(0).line, 2);
        QCOMPARE(editor().errorMarkers().value(0).column, 8);
        QCOMPARE(squiggles(editor()).value(0).cursor.selectedText(), QStringLiteral("rnage"));
        // A range narrower than the token is underlined as given.
        editor().clearErrorMarkers();
        QVERIFY(editor().markServerError(QStringLiteral("type error 1:6-1:12: bad")));
        QCOMPARE(squiggles(editor()).value(0).cursor.selectedText(), QStringLiteral("bucket"));
        editor().setLanguage(QueryLanguage::InfluxQl);
        setText(QStringLiteral("SELECT x FRM m"));
        QVERIFY(editor().markServerError(QStringLiteral("error parsing query: found FRM, expected FROM at line 1, char 10")));
        QCOMPARE(squiggles(editor()).value(0).cursor.selectedText(), QStringLiteral("FRM"));
        QCOMPARE(editor().errorMarkers().value(0).message,
                 QStringLiteral("error parsing query: found FRM, expected FROM at line 1, char 10"));
        QVERIFY(!editor().markServerError(QStringLiteral("timeout")));
        QCOMPARE(editor().errorMarkers().size(), 1);
    }

    void indentation()
    {
        type(QStringLiteral("from(bucket: \"efd\")"));
        QTest::keyClick(&editor(), Qt::Key_Escape); // close any list
        QTest::keyClick(&editor(), Qt::Key_Return);
        type(QStringLiteral("|>"));
        QCOMPARE(editor().document()->findBlockByNumber(1).text(), QStringLiteral("    |>"));
        type(QStringLiteral(" filter("));
        QTest::keyClick(&editor(), Qt::Key_Escape);
        QTest::keyClick(&editor(), Qt::Key_Return);
        QCOMPARE(editor().document()->findBlockByNumber(2).text(), QStringLiteral("        "));
        setText(QStringLiteral("x"));
        QTest::keyClick(&editor(), Qt::Key_Tab);
        QCOMPARE(editor().toPlainText(), QStringLiteral("x   "));
        QTest::keyClick(&editor(), Qt::Key_Backspace);
        QCOMPARE(editor().toPlainText(), QStringLiteral("x  "));
        // Enter between brackets puts the closer on its own line.
        setText(QStringLiteral("keep(columns: [])"), 15);
        QTest::keyClick(&editor(), Qt::Key_Return);
        QCOMPARE(editor().toPlainText(), QStringLiteral("keep(columns: [\n    \n])"));
        QCOMPARE(editor().textCursor().positionInBlock(), 4);
        // Smart backspace and Shift+Tab dedent by a level.
        setText(QStringLiteral("        x"), 8);
        QTest::keyClick(&editor(), Qt::Key_Backspace);
        QCOMPARE(editor().toPlainText(), QStringLiteral("    x"));
        QTest::keyClick(&editor(), Qt::Key_Backtab);
        QCOMPARE(editor().toPlainText(), QStringLiteral("x"));
    }

    void toggleComment()
    {
        setText(QStringLiteral("a\n  b\n"), 0);
        QTextCursor c = editor().textCursor();
        c.setPosition(4, QTextCursor::KeepAnchor);
        editor().setTextCursor(c);
        QTest::keyClick(&editor(), Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor().toPlainText(), QStringLiteral("// a\n//   b\n"));
        QTest::keyClick(&editor(), Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor().toPlainText(), QStringLiteral("a\n  b\n"));
        editor().setLanguage(QueryLanguage::InfluxQl);
        setText(QStringLiteral("SELECT 1"), 0);
        editor().toggleLineComment();
        QCOMPARE(editor().toPlainText(), QStringLiteral("-- SELECT 1"));
    }

    void highlighting()
    {
        QSignalSpy changed(&editor(), &CodeEditor::languageChanged);
        setText(QStringLiteral("from(bucket: \"efd\") // c\n  |> range(start: -1h)"));
        const EditorColors &c = editor().colors();
        QCOMPARE(colorAt(editor(), 0, 0), c.function);  // from
        QCOMPARE(colorAt(editor(), 0, 5), c.parameter); // bucket
        QCOMPARE(colorAt(editor(), 0, 14), c.string);
        QCOMPARE(colorAt(editor(), 0, 21), c.comment);
        QCOMPARE(colorAt(editor(), 1, 2), c.op);        // |>
        QCOMPARE(colorAt(editor(), 1, 19), c.duration); // 1h
        editor().setLanguage(QueryLanguage::InfluxQl);
        QCOMPARE(changed.count(), 1);
        setText(QStringLiteral("SELECT \"x\" FROM m /* a\nb */ WHERE"));
        QCOMPARE(colorAt(editor(), 0, 0), c.keyword);
        QCOMPARE(colorAt(editor(), 0, 7), c.quotedIdentifier);
        QCOMPARE(colorAt(editor(), 1, 0), c.comment);   // the block comment carried over
        QCOMPARE(colorAt(editor(), 1, 5), c.keyword);
        QCOMPARE(editor().highlighter()->language(), QueryLanguage::InfluxQl);
    }
};

QTEST_MAIN(tst_CodeEditor)
#include "tst_codeeditor.moc"
