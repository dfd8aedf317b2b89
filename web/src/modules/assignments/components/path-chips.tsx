/** Workspace paths inline, each as a chip. */
export function PathChips({ paths }: { paths: readonly string[] }) {
  return (
    <>
      {paths.map((path) => (
        <code key={path} className="path-chip">
          {path}
        </code>
      ))}
    </>
  );
}
