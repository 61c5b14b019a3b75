/**
 * The contract between the VS Code client and the language server beyond LSP itself: the shapes
 * of Corroborate's own requests and notifications, imported (as types only) by both sides.
 */

/** A finding hidden with "Hide this finding" (`corroborate/hidden` lists them, `corroborate/unhide` drops them). */
export interface HiddenItem {
  folderUri: string;
  folderName: string;
  code: string;
  text: string;
  context?: string;
}
