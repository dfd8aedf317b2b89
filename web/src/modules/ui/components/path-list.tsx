/** Paths of a workspace, one per line, as code. */
export function PathList({ paths }: { paths: readonly string[] }) {
  return (
    <ul className="path-list">
      {paths.map((path) => (
        <li key={path}>
          <code>{path}</code>
        </li>
      ))}
    </ul>
  );
}
