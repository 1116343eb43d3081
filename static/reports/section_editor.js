// The rich-text editor of django-prose-editor on each section text, limited to what the server-side
// sanitiser keeps. Loaded as a module by relative path: the package's import map would be an inline
// script, which the Content-Security-Policy forbids.
import {
  Bold, BulletList, Document, HardBreak, History, Italic, ListItem, Menu, OrderedList, Paragraph,
  Subscript, Superscript, Text, Underline, createTextareaEditor,
} from "../django_prose_editor/editor.js";

function attach(root) {
  for (const textarea of root.querySelectorAll("textarea[data-prose]")) {
    const editor = createTextareaEditor(textarea, [
      Document, Paragraph, Text, HardBreak, History, Menu, Bold, Italic, Underline,
      Superscript, Subscript, BulletList, OrderedList, ListItem,
    ]);
    // htmx listens for "change" to refresh the live preview of the section.
    editor.on("update", () => textarea.dispatchEvent(new Event("change", { bubbles: true })));
  }
}

attach(document);
// A saved section comes back from the server as new HTML: give its text the editor again.
document.body.addEventListener("htmx:afterSwap", (event) => attach(event.detail.elt));
