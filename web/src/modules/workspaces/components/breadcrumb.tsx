import Link from 'next/link';
import { breadcrumbs, browserHref } from '../workspace-paths';

interface BreadcrumbProps {
  workspaceId: string;
  workspaceName: string;
  path: string;
  snapshotId: string | null;
}

export function Breadcrumb({ workspaceId, workspaceName, path, snapshotId }: BreadcrumbProps) {
  const crumbs = breadcrumbs(path);
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          {crumbs.length === 0 ? (
            <span aria-current="page">{workspaceName}</span>
          ) : (
            <Link href={browserHref(workspaceId, '', snapshotId)}>{workspaceName}</Link>
          )}
        </li>
        {crumbs.map((crumb, index) => (
          <li key={crumb.path}>
            {index === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.label}</span>
            ) : (
              <Link href={browserHref(workspaceId, crumb.path, snapshotId)}>{crumb.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
