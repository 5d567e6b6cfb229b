export function Logo({ className = '' }: { className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-2 font-serif text-lg font-semibold tracking-tight text-stone-900 ${className}`}
    >
      <span aria-hidden className="inline-block h-5 w-1.5 rounded-sm bg-accent-600" />
      Marginalia
    </span>
  );
}
