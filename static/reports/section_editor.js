// The rich-text editor of django-prose-editor on each section text, limited to what the server-side
// sanitiser keeps. Loaded as a module by relative path: the package's import map would be an inline
// script, which the Content-Security-Policy forbids.
import {
  Bold, BulletList, Document, Editor, HardBreak, History, Italic, ListItem, Menu, OrderedList, Paragraph,
  Subscript, Superscript, Text, Underline,
} from "../django_prose_editor/editor.js";

const EXTENSIONS = [
  Document, Paragraph, Text, HardBreak, History, Menu, Bold, Italic, Underline,
  Superscript, Subscript, BulletList, OrderedList, ListItem,
];

// The package's createTextareaEditor, except for injectCSS: Tiptap's own <style> element is an inline
// style the CSP blocks; the same rules come from static/reports/tiptap-base.css instead.
function textareaEditor(textarea) {
  const element = document.createElement("div");
  element.className = "prose-editor";
  textarea.before(element);
  element.append(textarea);
  return new Editor({
    element,
    extensions: EXTENSIONS,
    content: textarea.value,
    injectCSS: false,
    onUpdate({ editor }) {
      textarea.value = editor.isEmpty ? "" : editor.getHTML();
      // htmx listens for "change" to refresh the live preview of the section.
      textarea.dispatchEvent(new Event("change", { bubbles: true }));
    },
  });
}

function attach(root) {
  for (const textarea of root.querySelectorAll("textarea[data-prose]")) {
    if (!textarea.closest(".prose-editor")) textareaEditor(textarea);
  }
}

attach(document);
// A saved section comes back from the server as new HTML: give its text the editor again.
document.body.addEventListener("htmx:afterSwap", (event) => attach(event.detail.elt));
