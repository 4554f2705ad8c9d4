"""Drive LibreOffice through UNO for mou's Word tests.

Usage: /usr/bin/python3 libreoffice.py JOBS.json

JOBS.json is a list of jobs, all run in one LibreOffice started here
(with its own profile, in the folder of JOBS.json) and stopped at the end:

  {"op": "text",   "in": "a.docx", "out": "a.txt"}   the text, as LibreOffice exports it
  {"op": "accept", "in": "r.docx", "out": "r.txt"}   accept every tracked change, then the text
  {"op": "reject", "in": "r.docx", "out": "r.txt"}   reject every tracked change, then the text
  {"op": "edit",   "in": "a.docx", "out": "b.docx", "edits": [...]}
      make the edits with tracked changes on, update the fields (the
      cross-references and the contents, as Word does on opening a file
      mou wrote) and save as Word, where each edit is one of:
        {"replace": "old words", "with": "new words"}     the first match
        {"insert_after": "mou_bookmark", "text": "..."}   a new paragraph after the bookmark's
        {"delete": "mou_bookmark"}                        the bookmark's paragraph, whole

Each job's output is written in full or not at all; a failure stops the
run with a message on stderr and exit status 1.

Debian's LibreOffice without a user interface (libreoffice-writer-nogui)
stops with a fatal error when it opens a document with comments through
UNO, as it cannot draw them; a file's comments are left out of what it
is given here. They are not part of the text.
"""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import zipfile

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(profile):
    port = free_port()
    proc = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless", "--invisible",
         "--norestore", "--nologo", "--accept=socket,host=127.0.0.1,port=%d;urp;" % port],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
            break
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise SystemExit("LibreOffice did not start")
            time.sleep(0.2)
    smgr = ctx.ServiceManager
    return proc, smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx), \
        smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)


def without_comments(path, folder):
    """path, or a copy of it without its comments if it has any."""
    with zipfile.ZipFile(path) as z:
        if "word/comments.xml" not in z.namelist():
            return path
        copy = os.path.join(folder, os.path.basename(path))
        with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
            for item in z.infolist():
                data = z.read(item.filename)
                if item.filename == "word/comments.xml":
                    continue
                if item.filename == "word/document.xml":
                    data = re.sub(rb'<w:commentRange(Start|End) w:id="\d+"/>|<w:r>(<w:rPr>.*?</w:rPr>)?<w:commentReference w:id="\d+"/></w:r>', b"", data)
                if item.filename in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
                    data = re.sub(rb'<(Relationship|Override)[^>]*comments[^>]*/>', b"", data)
                out.writestr(item, data)
        return copy


def load(desktop, path, folder):
    path = without_comments(os.path.abspath(path), folder)
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))


def store(doc, path, filter_name):
    tmp = path + ".part"
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(tmp)), (prop("FilterName", filter_name),))
    os.replace(tmp, path)


def text(doc, path):
    """The body's text, as LibreOffice exports it, then a line "--- header
    and footer ---" and the text of every header and footer in use, each
    once, in order."""
    store(doc, path, "Text (encoded)")
    seen = []
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for name in sorted(styles.getElementNames()):
        style = styles.getByName(name)
        if not style.isInUse():
            continue
        for on, part in (("HeaderIsOn", "HeaderText"), ("HeaderIsOn", "HeaderTextFirst"), ("FooterIsOn", "FooterText")):
            try:
                if not style.getPropertyValue(on):
                    continue
                t = style.getPropertyValue(part)
            except Exception:
                continue
            if t is not None and t.getString() and t.getString() not in seen:
                seen.append(t.getString())
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n--- header and footer ---\n" + "\n".join(seen) + "\n")


def find(doc, words):
    search = doc.createSearchDescriptor()
    search.SearchString = words
    search.SearchCaseSensitive = True
    found = doc.findFirst(search)
    if found is None:
        raise SystemExit("no %r in the document" % words)
    return found


def paragraph(doc, bookmark):
    """A cursor over the whole paragraph that holds the bookmark."""
    marks = doc.getBookmarks()
    if not marks.hasByName(bookmark):
        raise SystemExit("no bookmark %r" % bookmark)
    anchor = marks.getByName(bookmark).getAnchor()
    cursor = anchor.getText().createTextCursorByRange(anchor.getStart())
    cursor.gotoStartOfParagraph(False)
    cursor.gotoEndOfParagraph(True)
    return cursor


def edit(doc, edits):
    doc.setPropertyValue("RecordChanges", True)
    for e in edits:
        if "replace" in e:
            find(doc, e["replace"]).setString(e["with"])
        elif "insert_after" in e:
            cursor = paragraph(doc, e["insert_after"])
            cursor.collapseToEnd()
            cursor.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            cursor.getText().insertString(cursor, e["text"], False)
        elif "delete" in e:
            # From the end of the paragraph before to the end of this one,
            # as Word deletes a paragraph: the one before keeps its own
            # style and the one after is untouched.
            cursor = paragraph(doc, e["delete"])
            cursor.collapseToStart()
            cursor.goLeft(1, False)
            cursor.goRight(1, True)
            cursor.gotoEndOfParagraph(True)
            cursor.setString("")
        else:
            raise SystemExit("unknown edit %r" % e)
    doc.getTextFields().refresh()
    indexes = doc.getDocumentIndexes()
    for i in range(indexes.getCount()):
        indexes.getByIndex(i).update()


def main():
    jobs_file = os.path.abspath(sys.argv[1])
    with open(jobs_file) as f:
        jobs = json.load(f)
    proc, desktop, dispatch = start(os.path.join(os.path.dirname(jobs_file), "lo-profile"))
    scratch = tempfile.mkdtemp(dir=os.path.dirname(jobs_file))
    try:
        for job in jobs:
            doc = load(desktop, job["in"], scratch)
            if doc is None:
                raise SystemExit("LibreOffice could not open %s" % job["in"])
            try:
                op = job["op"]
                if op in ("accept", "reject"):
                    frame = doc.getCurrentController().getFrame()
                    command = ".uno:AcceptAllTrackedChanges" if op == "accept" else ".uno:RejectAllTrackedChanges"
                    dispatch.executeDispatch(frame, command, "", 0, ())
                    text(doc, job["out"])
                elif op == "text":
                    text(doc, job["out"])
                elif op == "edit":
                    edit(doc, job["edits"])
                    store(doc, job["out"], "MS Word 2007 XML")
                else:
                    raise SystemExit("unknown op %r" % op)
            finally:
                doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
