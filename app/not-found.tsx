import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-stone-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-accent-700 hover:underline">
        Go to your workspace
      </Link>
    </main>
  );
}
