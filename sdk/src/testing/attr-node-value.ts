// happy-dom leaves out the DOM standard's Attr.nodeValue (null, and no setter; browsers read and
// write the attribute's value through it). swap.ts writes a tel: link's href through its Attr
// node's nodeValue, as it does a Text node's, so the tests put the standard behaviour back.
// The e2e suite checks the same rewrite in Chromium.
const attr = document.createAttribute("x");
attr.value = "1";
if (attr.nodeValue !== "1")
  Object.defineProperty(Attr.prototype, "nodeValue", {
    configurable: true,
    get(this: Attr) {
      return this.value;
    },
    set(this: Attr, v: string) {
      this.value = v;
    },
  });
