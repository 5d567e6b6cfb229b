'use client';

/** The browser's print dialog, which also saves as PDF. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-accent-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-accent-800 print:hidden"
    >
      Print or save as PDF
    </button>
  );
}
